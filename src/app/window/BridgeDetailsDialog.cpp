#include "window/BridgeDetailsDialog.h"

#include "bridge/BridgeSource.h"
#include "bridge/PushManager.h"
#include "home/Home.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace nuki;

BridgeDetailsDialog::BridgeDetailsDialog(Home *home, const QString &bridgeId, PushManager *push,
                                         QWidget *parent)
    : QDialog(parent), m_home(home), m_id(bridgeId), m_push(push)
{
    setWindowTitle(tr("Bridge details"));
    resize(520, 560);
    m_form = new QFormLayout;
    m_log = new QListWidget(this);
    m_log->setObjectName(QStringLiteral("bridgeLog"));
    m_logStatus = new QLabel(tr("Reading the bridge's log…"), this);
    m_reboot = new QPushButton(tr("Reboot bridge…"), this);
    m_update = new QPushButton(tr("Update firmware…"), this);
    connect(m_reboot, &QPushButton::clicked, this, [this] {
        maintenance(&BridgeSource::reboot,
                    tr("Reboot the bridge now? Its devices cannot be reached for about a minute."));
    });
    connect(m_update, &QPushButton::clicked, this, [this] {
        maintenance(
            &BridgeSource::updateFirmware,
            tr("Let the bridge look for and install firmware updates now? It may restart."));
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    // Enter closes the dialog; it must never reboot the bridge by accident.
    m_reboot->setAutoDefault(false);
    m_update->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Close)->setDefault(true);
    buttons->addButton(m_reboot, QDialogButtonBox::ActionRole);
    buttons->addButton(m_update, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_slots = new QListWidget(this);
    m_slots->setObjectName(QStringLiteral("callbackSlots"));
    m_slots->setMaximumHeight(80);
    auto *removeSlot = new QPushButton(tr("Remove selected slot…"), this);
    connect(removeSlot, &QPushButton::clicked, this, &BridgeDetailsDialog::removeSlot);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(new QLabel(tr("Callback slots (the bridge has three):"), this));
    layout->addWidget(m_slots);
    layout->addWidget(removeSlot, 0, Qt::AlignRight);
    layout->addWidget(new QLabel(tr("Bridge log (newest first):"), this));
    layout->addWidget(m_log, 1);
    layout->addWidget(m_logStatus);
    layout->addWidget(buttons);
    fill();
    connect(home, &Home::sourceChanged, this, [this](const QString &id) {
        if (id == m_id)
            fill();
    });
    // Nothing here outlives the bridge it shows.
    connect(home, &Home::sourceRemoved, this, [this](const QString &id) {
        if (id == m_id)
            reject();
    });
    loadLog();
    loadSlots();
}

void BridgeDetailsDialog::loadSlots()
{
    const QString ours = m_push ? m_push->callbackUrl(m_id) : QString();
    BridgeSource *bridge = bridgeSource(*m_home, m_id);
    if (!bridge)
        return; // the bridge was removed
    bridge->listCallbacks([this, ours, guard = QPointer<QDialog>(this)](
                              const SourceError &error, const QList<CallbackEntry> &list) {
        if (!guard)
            return;
        m_slots->clear();
        if (!error.ok()) {
            m_slots->addItem(error.message());
            return;
        }
        for (const CallbackEntry &e : list) {
            auto *item =
                new QListWidgetItem(QStringLiteral("%1: %2%3")
                                        .arg(e.id)
                                        .arg(e.url, e.url == ours ? tr("  (this app)") : QString()),
                                    m_slots);
            item->setData(Qt::UserRole, e.id);
        }
        for (qsizetype i = list.size(); i < 3; ++i)
            m_slots->addItem(tr("free"));
    });
}

void BridgeDetailsDialog::removeSlot()
{
    QListWidgetItem *item = m_slots->currentItem();
    if (!item || !item->data(Qt::UserRole).isValid())
        return;
    // Taken before the question: its event loop may refresh the list and delete the item.
    const int slot = item->data(Qt::UserRole).toInt();
    if (QMessageBox::question(this, tr("Remove callback"),
                              tr("Remove this callback from the bridge? The app that registered "
                                 "it stops getting instant updates.\n\n%1")
                                  .arg(item->text())) != QMessageBox::Yes)
        return;
    // Looked up after the question: the bridge (and the item) may be gone by now.
    BridgeSource *bridge = bridgeSource(*m_home, m_id);
    if (!bridge)
        return;
    bridge->removeCallback(
        slot, [this, guard = QPointer<QDialog>(this)](const SourceError &, bool, QString) {
            if (guard)
                loadSlots();
        });
}

void BridgeDetailsDialog::fill()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    const BridgeSource *bridge = bridgeSource(*m_home, m_id);
    if (!bridge)
        return;
    const BridgeState *s = &bridge->state();
    auto yesNo = [](std::optional<bool> v) {
        return !v ? tr("unknown") : (*v ? tr("connected") : tr("not connected"));
    };
    m_form->addRow(tr("Name:"), new QLabel(s->config.name, this));
    m_form->addRow(
        tr("Address:"),
        new QLabel(QStringLiteral("%1:%2").arg(s->config.host).arg(s->config.port), this));
    m_form->addRow(tr("Status:"), new QLabel(linkStatusText(s->link), this));
    if (!s->movedFrom.isEmpty())
        m_form->addRow(tr("Moved:"), new QLabel(tr("The bridge changed its address (was %1); "
                                                   "Nuki Desktop followed it.")
                                                    .arg(s->movedFrom),
                                                this));
    m_form->addRow(tr("Token sent as:"),
                   new QLabel(tokenModeName(bridge->effectiveTokenMode()), this));
    if (s->haveInfo) {
        const BridgeInfo &i = s->info;
        m_form->addRow(
            tr("Type:"),
            new QLabel(i.isHardware() ? tr("Hardware bridge") : tr("Software bridge"), this));
        m_form->addRow(tr("Firmware:"),
                       new QLabel(i.isHardware() ? i.firmwareVersion : i.appVersion, this));
        if (!i.wifiFirmwareVersion.isEmpty())
            m_form->addRow(tr("Wi-Fi firmware:"), new QLabel(i.wifiFirmwareVersion, this));
        m_form->addRow(tr("Up for:"),
                       new QLabel(i.uptime < 3600 ? tr("%n minute(s)", nullptr, int(i.uptime / 60))
                                                  : tr("%n hour(s)", nullptr, int(i.uptime / 3600)),
                                  this));
        m_form->addRow(tr("Wi-Fi:"), new QLabel(yesNo(i.wlanConnected), this));
        m_form->addRow(tr("Nuki server:"), new QLabel(yesNo(i.serverConnected), this));
    }
    if (qAbs(s->clockSkewSeconds) >= 30)
        m_form->addRow(
            tr("Clock:"),
            new QLabel(tr("%n s off from this computer", nullptr, int(s->clockSkewSeconds)), this));
    if (m_push) {
        const PushManager::BridgePush *p = m_push->state(m_id);
        QString text =
            p && p->active ? tr("instant (the bridge calls this app)") : tr("checked regularly");
        if (p && !p->problem.isEmpty())
            text += u'\n' + p->problem;
        if (CallbackReceiver *r = m_push->receiverFor(m_id)) {
            text += u'\n' + tr("%1 updates received, %2 rejected")
                                .arg(r->counters().accepted)
                                .arg(r->rejected());
        }
        auto *label = new QLabel(text, this);
        label->setWordWrap(true);
        m_form->addRow(tr("Updates:"), label);
    }
    const bool hardware = !s->haveInfo || s->info.isHardware();
    m_reboot->setVisible(hardware);
    m_update->setVisible(hardware);
}

void BridgeDetailsDialog::loadLog()
{
    BridgeSource *bridge = bridgeSource(*m_home, m_id);
    if (!bridge)
        return;
    bridge->readLog(
        0, 100,
        [this, guard = QPointer<QDialog>(this)](const SourceError &error,
                                                const QList<BridgeLogEntry> &log) {
            if (!guard)
                return;
            m_log->clear();
            if (!error.ok()) {
                m_logStatus->setText(error.message());
                return;
            }
            for (const BridgeLogEntry &e : log) {
                QString line = QLocale().toString(e.timestamp.toLocalTime(), QLocale::ShortFormat) +
                               QStringLiteral("  ") + e.type;
                if (e.raw.contains(u"nukiId"))
                    line += QStringLiteral("  ") + e.raw.value(u"nukiId").toVariant().toString();
                m_log->addItem(line);
            }
            m_logStatus->setText(tr("%n entries", nullptr, int(log.size())));
        });
}

void BridgeDetailsDialog::maintenance(Maintenance call, const QString &question)
{
    if (QMessageBox::question(this, tr("Please confirm"), question) != QMessageBox::Yes)
        return;
    BridgeSource *bridge = bridgeSource(*m_home, m_id); // after the question: it may be gone
    if (!bridge)
        return;
    (bridge->*call)([this, guard = QPointer<QDialog>(this)](const SourceError &error) {
        if (guard)
            m_logStatus->setText(error.ok() ? tr("The bridge accepted the request.")
                                            : error.message());
    });
}
