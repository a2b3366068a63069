#include "wizard/CheckPage.h"

#include "ui_CheckPage.h"
#include "wizard/WizardState.h"

#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace nuki;

CheckPage::CheckPage(WizardState *state, QWidget *parent)
    : QWizardPage(parent), ui(new Ui::CheckPage), m_state(state)
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
    m_state->tokenMode = TokenMode::Plain;
    m_state->plainChosen = true;
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
    ui->devices->hide(); // an empty box under a failure says nothing
    ui->clock->clear();
    setTitle(tr("Checking the connection"));
    ui->status->setText(tr("Connecting to %1:%2…").arg(m_state->host).arg(m_state->port));
    m_state->setup.setEndpoint(m_state->host, m_state->port);
    // Encrypted if the bridge can, hashed for old firmware; plain only when chosen below.
    const TokenMode mode = m_state->plainChosen ? TokenMode::Plain : TokenMode::Auto;
    m_state->setup.check(m_state->token, mode, m_state->clockOffset,
                         [this, guard = QPointer<CheckPage>(this)](const BridgeSetup::Checked &c) {
                             if (!guard)
                                 return;
                             if (!c.error.ok()) {
                                 setTitle(c.error.kind == SourceError::Unauthorized
                                              ? tr("The bridge did not accept the token")
                                              : tr("Could not connect"));
                                 ui->status->setText(c.error.message());
                                 m_plain->setVisible(c.onlyPlainLeft);
                                 return;
                             }
                             m_state->info = c.info;
                             m_state->tokenMode = c.tokenMode;
                             m_state->clockOffset = c.clockOffset;
                             m_state->devices = c.devices;
                             showConnected(c);
                         });
}

void CheckPage::showConnected(const BridgeSetup::Checked &c)
{
    setTitle(tr("Connected"));
    if (qAbs(c.clockOffset) >= 30)
        ui->clock->setText(tr("The bridge's clock differs from this computer's by %n second(s). "
                              "Nuki Desktop adjusts for it, but other apps may fail: set the time "
                              "of this computer (and the bridge, via the Nuki app) automatically.",
                              nullptr, int(qAbs(c.clockOffset))));
    for (const Device &d : c.devices)
        ui->devices->addItem(QStringLiteral("%1 — %2").arg(d.name, deviceTypeName(d.deviceType)));
    ui->devices->setVisible(!c.devices.isEmpty());
    const QString kind = c.info.isHardware()
                             ? tr("Hardware bridge, firmware %1").arg(c.info.firmwareVersion)
                             : tr("Software bridge %1").arg(c.info.appVersion);
    ui->status->setText(
        tr("Connected. %1. The token is sent %2. %n device(s):", nullptr, int(c.devices.size()))
            .arg(kind, c.tokenMode == TokenMode::Encrypted ? tr("encrypted")
                       : c.tokenMode == TokenMode::Hashed  ? tr("hashed")
                                                           : tr("unprotected, as you chose")));
    m_ok = true;
    emit completeChanged();
}
