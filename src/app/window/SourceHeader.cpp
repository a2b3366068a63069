#include "window/SourceHeader.h"

#include "bridge/BridgeSource.h"
#include "home/Home.h"
#include "widgets/ElidedLabel.h"
#include "widgets/Theme.h"
#include "window/DeviceCard.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace nuki;

SourceHeader::SourceHeader(Home *home, const QString &sourceId, QWidget *parent)
    : QFrame(parent), m_home(home), m_id(sourceId)
{
    setObjectName(QStringLiteral("bridgeHeader"));
    m_name = new ElidedLabel(this);
    m_name->setObjectName(QStringLiteral("bridgeName"));
    QFont f = m_name->font();
    f.setBold(true);
    m_name->setFont(f);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("bridgeStatus"));
    m_status->setWordWrap(true);
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("bridgeBanner"));
    m_banner->setWordWrap(true);
    m_banner->setContentsMargins(6, 6, 6, 6);
    Theme::apply(m_banner, Theme::Role::Banner);
    m_token = new QPushButton(tr("Enter new token…"), this);
    m_token->setObjectName(QStringLiteral("newTokenButton"));
    m_details = new QPushButton(tr("Details…"), this);
    m_details->setObjectName(QStringLiteral("detailsButton"));
    auto *details = m_details;
    connect(details, &QPushButton::clicked, this, [this] { emit detailsRequested(m_id); });
    connect(m_token, &QPushButton::clicked, this, [this] { emit newTokenRequested(m_id); });

    auto *row = new QHBoxLayout;
    row->addWidget(m_name);
    row->addWidget(m_status, 1);
    row->addWidget(details);
    // The banner takes the whole width (it can be long); its button sits under it.
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addStretch();
    tokenRow->addWidget(m_token);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 8, 4, 2);
    layout->addLayout(row);
    layout->addWidget(m_banner);
    layout->addLayout(tokenRow);
    refresh();
}

bool SourceHeader::rememberedSince(QDateTime *seen) const
{
    // The newest last-seen time among this source's devices shown from memory, if any.
    bool any = false;
    for (const DeviceKey &key : m_home->devices()) {
        const DeviceRecord *r = m_home->device(key);
        if (!r || r->sourceId != m_id || !r->remembered)
            continue;
        if (!any || (r->lastUpdate.isValid() && r->lastUpdate > *seen))
            *seen = r->lastUpdate;
        any = true;
    }
    return any;
}

void SourceHeader::refresh()
{
    const Source *s = m_home->source(m_id);
    if (!s)
        return;
    const SourceLink link = s->link();
    // Bridge-only facts: its clock.
    const BridgeSource *bridge = qobject_cast<const BridgeSource *>(s);
    const qint64 skew = bridge ? bridge->state().clockSkewSeconds : 0;
    const QString name = s->name().isEmpty() ? tr("Bridge %1").arg(m_id) : s->name();
    m_name->setFullText(name);
    // Said with the source: with two bridges, two "Details…" buttons must not read alike.
    m_details->setAccessibleName(tr("Details of %1").arg(name));
    m_token->setAccessibleName(tr("Enter a new token for %1").arg(name));
    QStringList parts{linkStatusText(link)};
    parts << (link.push ? tr("instant updates")
                        : tr("checked every %n s", nullptr, link.pollIntervalMs / 1000));
    m_status->setText(QStringLiteral("· ") + parts.join(QStringLiteral(" · ")));
    QString banner;
    QDateTime seen;
    const bool broker = s->kind() == SourceKind::Broker;
    const bool web = s->kind() == SourceKind::Web;
    if (link.status == LinkStatus::Rejected && web)
        banner = link.lastError.message() + u' ' +
                 tr("The devices below may be out of date. Make a new API token in Nuki Web "
                    "and add it again ('nukictl add-web').");
    else if (web && link.status == LinkStatus::Busy && !link.lastError.ok())
        banner = link.lastError.message();
    else if (link.status == LinkStatus::Rejected && broker)
        banner = link.lastError.message() + u' ' +
                 tr("The devices below may be out of date. Check the user name and password "
                    "('nukictl add-broker').");
    else if (link.status == LinkStatus::Rejected)
        banner = tr("The bridge rejected the token, so the devices below may be out of date. "
                    "Enter the token again.");
    else if (link.status == LinkStatus::Offline && rememberedSince(&seen))
        banner = tr("Cannot reach %1 — showing what was last seen %2.")
                     .arg(m_name->text(), DeviceCard::agoText(seen));
    else if (link.status == LinkStatus::Offline)
        banner = link.lastError.message();
    else if (m_pushProblem && !m_pushProblem().isEmpty())
        banner = m_pushProblem();
    else if (qAbs(skew) >= 30)
        banner = tr("The bridge's clock differs from this computer's by %n second(s). This app "
                    "adjusts for it; other apps may fail to connect.",
                    nullptr, int(qAbs(skew)));
    m_banner->setText(banner);
    m_banner->setVisible(!banner.isEmpty());
    m_token->setVisible(link.status == LinkStatus::Rejected && !broker && !web);
}

void SourceHeader::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        Theme::reapplyLater(this);
}
