#include "CheckPage.h"

#include "BridgeClient.h"
#include "SetupWizard.h"
#include "ui_CheckPage.h"

using namespace nuki;

CheckPage::CheckPage(SetupWizard *wizard)
    : QWizardPage(wizard), ui(new Ui::CheckPage), m_wizard(wizard)
{
    ui->setupUi(this);
    setTitle(tr("Checking the connection"));
}

CheckPage::~CheckPage()
{
    delete ui;
}

QString CheckPage::statusText() const
{
    return ui->status->text();
}

void CheckPage::initializePage()
{
    m_ok = false;
    ui->devices->clear();
    ui->clock->clear();
    ui->status->setText(tr("Connecting to %1:%2…").arg(m_wizard->host).arg(m_wizard->port));
    m_client = std::make_unique<BridgeClient>();
    m_client->setEndpoint(m_wizard->host, m_wizard->port);
    m_client->setToken(m_wizard->token);
    m_client->setTokenMode(TokenMode::Auto); // encrypted if the bridge can, then hashed, then plain
    m_client->config().retryDeadlineMs = 4000;
    auto guard = QPointer<CheckPage>(this);
    m_client->info(BridgeClient::Priority::User, [this, guard](const BridgeError &error,
                                                               const BridgeInfo &info) {
        if (!guard)
            return;
        if (!error.ok()) {
            ui->status->setText(
                error.kind == BridgeError::Unauthorized
                    ? tr("The bridge rejected this token. Go back and check it. If it is "
                         "right, check that this computer's clock is set automatically.")
                    : error.message());
            return;
        }
        m_wizard->info = info;
        m_wizard->tokenMode = m_client->effectiveTokenMode();
        m_wizard->clockOffset = m_client->bridgeClockOffset();
        if (qAbs(m_wizard->clockOffset) >= 30)
            ui->clock->setText(
                tr("The bridge's clock differs from this computer's by %n second(s). "
                   "Nuki Desktop adjusts for it, but other apps may fail: set the time "
                   "of this computer (and the bridge, via the Nuki app) automatically.",
                   nullptr, int(qAbs(m_wizard->clockOffset))));
        m_client->list(
            BridgeClient::Priority::User,
            [this, guard, info](const BridgeError &e, const QList<Device> &devices) {
                if (!guard)
                    return;
                if (!e.ok()) {
                    ui->status->setText(e.message());
                    return;
                }
                m_wizard->devices = devices;
                for (const Device &d : devices)
                    ui->devices->addItem(
                        QStringLiteral("%1 — %2").arg(d.name, deviceTypeName(d.deviceType)));
                const QString kind =
                    info.isHardware() ? tr("Hardware bridge, firmware %1").arg(info.firmwareVersion)
                                      : tr("Software bridge %1").arg(info.appVersion);
                ui->status->setText(
                    tr("Connected. %1. The token is sent %2. %n device(s):", nullptr,
                       int(devices.size()))
                        .arg(kind, m_wizard->tokenMode == TokenMode::Encrypted ? tr("encrypted")
                                   : m_wizard->tokenMode == TokenMode::Hashed
                                       ? tr("hashed")
                                       : tr("as plain text (the bridge accepts nothing better)")));
                m_ok = true;
                emit completeChanged();
            });
    });
}
