#include "wizard/FindPage.h"

#include "bridge/BridgeSetup.h"
#include "bridge/Discovery.h"
#include "ui_FindPage.h"
#include "wizard/WizardContext.h"
#include "wizard/WizardState.h"

#include <QHostAddress>
#include <QNetworkInterface>

using namespace nuki;

namespace {
// Only when the person asks: the /24 around each IPv4 address of this computer.
QStringList localSubnetHosts()
{
    QStringList hosts;
    for (const QNetworkInterface &i : QNetworkInterface::allInterfaces()) {
        if (!(i.flags() & QNetworkInterface::IsUp) || (i.flags() & QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &e : i.addressEntries()) {
            if (e.ip().protocol() != QAbstractSocket::IPv4Protocol || e.prefixLength() < 16)
                continue;
            const quint32 base = e.ip().toIPv4Address() & 0xffffff00u;
            for (quint32 n = 1; n < 255; ++n)
                if (base + n != e.ip().toIPv4Address())
                    hosts << QHostAddress(base + n).toString();
        }
    }
    return hosts;
}
} // namespace

FindPage::FindPage(WizardState *state, WizardContext *context, QWidget *parent)
    : QWizardPage(parent), ui(new Ui::FindPage), m_state(state), m_context(context),
      m_discovery(new Discovery(this))
{
    ui->setupUi(this);
    setTitle(tr("Find your bridge"));
    connect(ui->searchAgain, &QPushButton::clicked, this, &FindPage::discover);
    connect(ui->scan, &QPushButton::clicked, this, &FindPage::scan);
    connect(ui->bridges, &QListWidget::itemSelectionChanged, this, [this] {
        if (!ui->bridges->selectedItems().isEmpty())
            ui->host->clear();
        emit completeChanged();
    });
    connect(ui->host, &QLineEdit::textChanged, this, [this] {
        if (!ui->host->text().isEmpty())
            ui->bridges->clearSelection();
        ui->manualHint->setText(ui->host->text().isEmpty() || manualValid()
                                    ? QString()
                                    : tr("That is not an IP address or host name."));
        emit completeChanged();
    });
}

FindPage::~FindPage()
{
    delete ui;
}

void FindPage::initializePage()
{
    discover();
}

int FindPage::foundCount() const
{
    return ui->bridges->count();
}

bool FindPage::manualValid() const
{
    QString host;
    quint16 port = 0;
    return BridgeSetup::parseAddress(ui->host->text(), &host, &port);
}

void FindPage::addCandidate(const QString &host, quint16 port, quint32 bridgeId)
{
    // The same bridge found twice (by the service and by a scan) is listed once.
    for (int i = 0; i < ui->bridges->count(); ++i) {
        const QListWidgetItem *it = ui->bridges->item(i);
        if (it->data(Qt::UserRole).toString() == host && it->data(Qt::UserRole + 1).toInt() == port)
            return;
    }
    bool configured = false;
    for (const BridgeConfig &c : m_context->bridges())
        configured |= (c.host == host && c.port == port) ||
                      (bridgeId && c.id == QString::number(bridgeId, 16).toUpper());
    QString text = bridgeId ? tr("Nuki Bridge %1 at %2:%3")
                                  .arg(QString::number(bridgeId, 16).toUpper(), host)
                                  .arg(port)
                            : tr("Nuki Bridge at %1:%2").arg(host).arg(port);
    if (configured)
        text += tr(" (already added)");
    auto *item = new QListWidgetItem(text, ui->bridges);
    item->setData(Qt::UserRole, host);
    item->setData(Qt::UserRole + 1, port);
    if (ui->bridges->count() == 1 && !configured)
        item->setSelected(true);
}

void FindPage::discover()
{
    ui->discoveryStatus->setText(tr("Asking Nuki's discovery service…"));
    const QUrl url = m_context->discoveryUrl();
    m_discovery->fetch(
        url, 8000,
        [this, guard = QPointer<FindPage>(this)](bool ok, const QString &error,
                                                 QList<Discovery::Candidate> list) {
            if (!guard)
                return;
            if (!ok) {
                ui->discoveryStatus->setText(
                    tr("The discovery service could not be asked (%1). Enter "
                       "the address below or scan the network.")
                        .arg(error));
                return;
            }
            int disabled = 0;
            auto pending = std::make_shared<int>(0);
            for (const auto &c : list) {
                if (c.discoveryDisabled) {
                    ++disabled;
                    continue;
                }
                ++*pending;
                m_discovery->probe(c.host, c.port, 3000, [this, c, guard, pending](bool isBridge) {
                    if (!guard)
                        return;
                    if (isBridge)
                        addCandidate(c.host, c.port, c.bridgeId);
                    if (--*pending == 0 && ui->bridges->count() == 0)
                        ui->discoveryStatus->setText(
                            tr("Bridges were reported, but none answered here."));
                });
            }
            QString status =
                list.isEmpty() ? tr("No bridge was reported for your network.") : QString();
            if (disabled)
                status +=
                    tr(" %n bridge(s) have discovery switched off: enter the address yourself.",
                       nullptr, disabled);
            ui->discoveryStatus->setText(status.trimmed());
        });
}

void FindPage::scan()
{
    const QStringList hosts =
        m_state->scanHosts.isEmpty() ? localSubnetHosts() : m_state->scanHosts;
    ui->scan->setEnabled(false);
    ui->discoveryStatus->setText(
        tr("Looking at %n address(es) on port %1…", nullptr, int(hosts.size()))
            .arg(ui->port->value()));
    m_discovery->scan(hosts, quint16(ui->port->value()), 1500,
                      [this, guard = QPointer<FindPage>(this)](QList<Discovery::Candidate> found) {
                          if (!guard)
                              return;
                          ui->scan->setEnabled(true);
                          for (const auto &c : found)
                              addCandidate(c.host, c.port, 0);
                          ui->discoveryStatus->setText(
                              tr("The scan found %n bridge(s).", nullptr, int(found.size())));
                      });
}

bool FindPage::isComplete() const
{
    return !ui->bridges->selectedItems().isEmpty() ||
           (!ui->host->text().isEmpty() && manualValid());
}

bool FindPage::validatePage()
{
    if (!ui->host->text().isEmpty()) {
        // "192.168.1.20:8080" carries its own port; a bare address takes the port field's.
        quint16 port = quint16(ui->port->value());
        if (!BridgeSetup::parseAddress(ui->host->text(), &m_state->host, &port))
            return false;
        m_state->port = port;
    } else if (const QListWidgetItem *it = ui->bridges->selectedItems().value(0)) {
        m_state->host = it->data(Qt::UserRole).toString();
        m_state->port = quint16(it->data(Qt::UserRole + 1).toInt());
    }
    return !m_state->host.isEmpty();
}
