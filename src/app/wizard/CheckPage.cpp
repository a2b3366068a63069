#include "CheckPage.h"

#include "BridgeClient.h"
#include "SetupWizard.h"
#include "ui_CheckPage.h"

#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace nuki;

CheckPage::CheckPage(SetupWizard *wizard)
    : QWizardPage(wizard), ui(new Ui::CheckPage), m_wizard(wizard)
{
    ui->setupUi(this);
    setTitle(tr("Checking the connection"));
    // The token travels unprotected only by this explicit choice, after a plain warning.
    m_plain = new QPushButton(tr("Send the token unprotected…"), this);
    m_plain->setObjectName(QStringLiteral("plainToken"));
    m_plain->setToolTip(tr("Only for a software bridge or very old firmware that accepts no "
                           "protected token."));
    m_plain->hide();
    if (auto *box = qobject_cast<QVBoxLayout *>(layout()))
        box->addWidget(m_plain, 0, Qt::AlignLeft);
    connect(m_plain, &QPushButton::clicked, this, &CheckPage::choosePlain);
    confirmPlain = [](QWidget *parent) {
        QMessageBox box(QMessageBox::Warning, tr("Send the token unprotected?"),
                        tr("The bridge accepted neither the encrypted nor the hashed token. A "
                           "software bridge or very old firmware accepts only the token itself."
                           "\n\nSent unprotected, anyone on your network can read the token and "
                           "open your doors with it. Do this only if your bridge accepts nothing "
                           "better; otherwise go back and check the token and the clocks."),
                        QMessageBox::Yes | QMessageBox::Cancel, parent);
        box.setDefaultButton(QMessageBox::Cancel);
        box.button(QMessageBox::Yes)->setText(tr("Send unprotected"));
        return box.exec() == QMessageBox::Yes;
    };
}

void CheckPage::choosePlain()
{
    if (!confirmPlain || !confirmPlain(this))
        return;
    m_wizard->tokenMode = TokenMode::Plain;
    m_wizard->plainChosen = true;
    initializePage();
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
    m_plain->hide();
    ui->devices->clear();
    ui->clock->clear();
    ui->status->setText(tr("Connecting to %1:%2…").arg(m_wizard->host).arg(m_wizard->port));
    m_client = std::make_unique<BridgeClient>();
    m_client->setEndpoint(m_wizard->host, m_wizard->port);
    m_client->setToken(m_wizard->token);
    // Encrypted if the bridge can, hashed for old firmware; plain only when chosen below.
    m_client->setTokenMode(m_wizard->plainChosen ? TokenMode::Plain : TokenMode::Auto);
    m_client->config().retryDeadlineMs = 4000;
    auto guard = QPointer<CheckPage>(this);
    m_client->info(BridgeClient::Priority::User, [this, guard](const BridgeError &error,
                                                               const BridgeInfo &info) {
        if (!guard)
            return;
        if (!error.ok()) {
            ui->status->setText(error.message());
            m_plain->setVisible(error.kind == BridgeError::Unauthorized && !m_wizard->plainChosen);
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
        m_client->list(BridgeClient::Priority::User, [this, guard,
                                                      info](const BridgeError &e,
                                                            const QList<Device> &devices) {
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
            const QString kind = info.isHardware()
                                     ? tr("Hardware bridge, firmware %1").arg(info.firmwareVersion)
                                     : tr("Software bridge %1").arg(info.appVersion);
            ui->status->setText(tr("Connected. %1. The token is sent %2. %n device(s):", nullptr,
                                   int(devices.size()))
                                    .arg(kind, m_wizard->tokenMode == TokenMode::Encrypted
                                                   ? tr("encrypted")
                                               : m_wizard->tokenMode == TokenMode::Hashed
                                                   ? tr("hashed")
                                                   : tr("unprotected, as you chose")));
            m_ok = true;
            emit completeChanged();
        });
    });
}
