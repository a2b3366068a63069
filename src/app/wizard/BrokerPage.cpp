#include "wizard/BrokerPage.h"

#include "bridge/BridgeSetup.h"
#include "ui_BrokerPage.h"
#include "wizard/WizardState.h"

#include <QFileDialog>
#include <QFileInfo>

using namespace nuki;

BrokerPage::BrokerPage(WizardState *state, QWidget *parent)
    : QWizardPage(parent), ui(new Ui::BrokerPage), m_state(state)
{
    ui->setupUi(this);
    setTitle(tr("The MQTT broker"));
    setSubTitle(tr("Where your Wi-Fi lock publishes its state, and how this app logs in."));
    for (QLineEdit *e : {ui->brokerHost, ui->brokerUser, ui->brokerPassword, ui->caFile})
        connect(e, &QLineEdit::textChanged, this, &BrokerPage::update);
    connect(ui->tls, &QCheckBox::toggled, this, &BrokerPage::update);
    connect(ui->chooseCa, &QPushButton::clicked, this, &BrokerPage::chooseCa);
    update();
}

BrokerPage::~BrokerPage()
{
    delete ui;
}

quint16 BrokerPage::defaultPort() const
{
    return ui->tls->isChecked() ? 8883 : 1883;
}

QString BrokerPage::problem() const
{
    const QString address = ui->brokerHost->text().trimmed();
    QString host;
    quint16 port = defaultPort();
    if (address.isEmpty())
        return {};
    if (!BridgeSetup::parseAddress(address, &host, &port))
        return tr("That is not a host name or an address (with an optional :port).");
    // MQTT sends a password only with a user name: one alone would silently not be used.
    if (ui->brokerUser->text().isEmpty() && !ui->brokerPassword->text().isEmpty())
        return tr("A password needs a user name.");
    if (ui->tls->isChecked() && !ui->caFile->text().trimmed().isEmpty()) {
        const QFileInfo ca(ui->caFile->text().trimmed());
        if (!ca.isFile() || !ca.isReadable())
            return tr("The CA certificate file cannot be read.");
    }
    return {};
}

void BrokerPage::update()
{
    ui->caFile->setEnabled(ui->tls->isChecked());
    ui->chooseCa->setEnabled(ui->tls->isChecked());
    ui->caLabel->setEnabled(ui->tls->isChecked());
    const QString wrong = problem();
    ui->addressHint->setText(
        !wrong.isEmpty() ? wrong
                         : tr("Port %1 unless you add one (host:port).").arg(defaultPort()));
    emit completeChanged();
}

void BrokerPage::chooseCa()
{
    const QString file =
        QFileDialog::getOpenFileName(this, tr("The broker's CA certificate"), ui->caFile->text(),
                                     tr("Certificates (*.crt *.pem *.cer);;All files (*)"));
    if (!file.isEmpty())
        ui->caFile->setText(file);
}

bool BrokerPage::isComplete() const
{
    return !ui->brokerHost->text().trimmed().isEmpty() && problem().isEmpty();
}

bool BrokerPage::validatePage()
{
    BrokerConfig c;
    c.port = defaultPort();
    if (!BridgeSetup::parseAddress(ui->brokerHost->text(), &c.host, &c.port))
        return false;
    c.id = BrokerConfig::idFor(c.host, c.port);
    c.name = m_state->broker.name; // kept when the person comes back to this page
    c.username = ui->brokerUser->text();
    c.tls = ui->tls->isChecked();
    c.caFile = c.tls ? ui->caFile->text().trimmed() : QString();
    m_state->broker = c;
    m_state->brokerPassword = ui->brokerPassword->text();
    return true;
}

int BrokerPage::nextId() const
{
    return WizardState::BrokerLocksId;
}
