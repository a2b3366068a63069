#include "wizard/TokenPage.h"

#include "bridge/BridgeSetup.h"
#include "ui_TokenPage.h"
#include "wizard/WizardState.h"

using namespace nuki;

TokenPage::TokenPage(WizardState *state, QWidget *parent)
    : QWizardPage(parent), ui(new Ui::TokenPage), m_state(state)
{
    ui->setupUi(this);
    setTitle(tr("The bridge's API token"));
    ui->countdown->hide();
    connect(ui->press, &QPushButton::clicked, this, &TokenPage::pressButton);
    connect(ui->token, &QLineEdit::textChanged, this, [this](const QString &t) {
        ui->tokenHint->setText(
            t.isEmpty() || BridgeSetup::tokenLooksValid(t)
                ? QString()
                : tr("A token has 6 to 20 characters (the Nuki app may allow longer "
                     "ones, but the bridge only accepts 20)."));
        emit completeChanged();
    });
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, [this] {
        ui->countdown->setValue(--m_secondsLeft);
        ui->countdown->setFormat(tr("%n s left to press the button", nullptr, m_secondsLeft));
        if (m_secondsLeft <= 0)
            m_countdown.stop();
    });
}

TokenPage::~TokenPage()
{
    delete ui;
}

void TokenPage::initializePage()
{
    setSubTitle(tr("Bridge at %1:%2").arg(m_state->host).arg(m_state->port));
    ui->pressStatus->clear();
}

void TokenPage::pressButton()
{
    m_state->setup.setEndpoint(m_state->host, m_state->port);
    ui->press->setEnabled(false);
    ui->pressStatus->setText(
        tr("Looking for the bridge at %1:%2…").arg(m_state->host).arg(m_state->port));
    auto guard = QPointer<TokenPage>(this);
    // The countdown starts only once the bridge is known to be there: an address where nothing
    // listens says so within seconds.
    auto waiting = [this, guard] {
        if (!guard)
            return;
        ui->countdown->show();
        m_secondsLeft = 30;
        ui->countdown->setValue(30);
        ui->countdown->setFormat(tr("%n s left to press the button", nullptr, 30));
        m_countdown.start();
        ui->pressStatus->setText(tr("Now press the button on the bridge once (its light is on)."));
    };
    m_state->setup.requestToken(
        [this, guard](const SourceError &error, const QString &token) {
            if (!guard)
                return;
            m_countdown.stop();
            ui->countdown->hide();
            ui->press->setEnabled(true);
            if (error.ok()) {
                ui->token->setText(token);
                ui->pressStatus->setText(tr("Got the token."));
            } else if (error.kind == SourceError::AuthDisabled) {
                ui->pressStatus->setText(
                    tr("Getting the token with the button is switched off for this bridge. "
                       "Switch it on in the Nuki app, or type the token below."));
            } else if (error.kind == SourceError::ButtonNotPressed) {
                ui->pressStatus->setText(
                    tr("The button was not pressed within 30 seconds. Try again, or type "
                       "the token below."));
            } else if (error.kind == SourceError::Unreachable) {
                ui->pressStatus->setText(
                    tr("Nothing answers at %1:%2. Check the address and the port (the HTTP API "
                       "must be switched on in the Nuki app), then try again.")
                        .arg(m_state->host)
                        .arg(m_state->port));
            } else {
                ui->pressStatus->setText(error.message());
            }
        },
        waiting);
}

bool TokenPage::isComplete() const
{
    return BridgeSetup::tokenLooksValid(ui->token->text());
}

bool TokenPage::validatePage()
{
    m_state->token = ui->token->text().trimmed();
    return true;
}
