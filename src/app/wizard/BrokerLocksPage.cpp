#include "wizard/BrokerLocksPage.h"

#include "mqtt/BrokerSource.h"
#include "ui_BrokerLocksPage.h"
#include "wizard/WizardContext.h"
#include "wizard/WizardState.h"

#include <QPointer>

using namespace nuki;

namespace {
constexpr int IdRole = Qt::UserRole;
QString hexId(quint32 id)
{
    return QStringLiteral("%1").arg(id, 8, 16, QLatin1Char('0')).toUpper();
}
} // namespace

BrokerLocksPage::BrokerLocksPage(WizardState *state, WizardContext *context, QWidget *parent)
    : QWizardPage(parent), ui(new Ui::BrokerLocksPage), m_state(state), m_context(context)
{
    ui->setupUi(this);
    setTitle(tr("Testing the connection"));
    setSubTitle(tr("This app logs in to the broker and looks for the locks that publish there."));
    setFinalPage(true);
    layout()->setSpacing(8);
    connect(ui->retry, &QPushButton::clicked, this, &BrokerLocksPage::test);
    connect(ui->locks, &QListWidget::itemChanged, this, &BrokerLocksPage::completeChanged);
    // Error words carry what the person typed (the address): never read as markup.
    ui->brokerStatus->setTextFormat(Qt::PlainText);
    ui->advice->setTextFormat(Qt::PlainText);
}

BrokerLocksPage::~BrokerLocksPage()
{
    dropProbe();
    delete ui;
}

void BrokerLocksPage::dropProbe()
{
    // Closing the link says "disconnected" on the way: not to this page any more.
    if (m_probe)
        m_probe->disconnect(this);
    m_probe.reset();
}

void BrokerLocksPage::initializePage()
{
    const BrokerConfig &c = m_state->broker;
    if (ui->brokerName->text().isEmpty())
        ui->brokerName->setText(c.name.isEmpty() ? tr("MQTT broker %1").arg(c.host) : c.name);
    ui->keychainNote->hide();
    if (!m_state->brokerPassword.isEmpty()) {
        // The password is kept only in a keychain: say now if there is none.
        m_context->probeKeychain(
            [this, guard = QPointer<BrokerLocksPage>(this)](bool ok, const QString &error) {
                if (!guard || ok)
                    return;
                ui->keychainNote->setText(
                    tr("The password cannot be kept in a keychain: %1 The app uses it until it "
                       "quits; after that, enter it again in this assistant.")
                        .arg(error));
                ui->keychainNote->show();
            });
    }
    test();
}

void BrokerLocksPage::cleanupPage()
{
    dropProbe(); // back to the address: nothing stays connected
    m_ok = false;
}

void BrokerLocksPage::test()
{
    m_ok = false;
    dropProbe();
    ui->locks->clear();
    for (QWidget *w : connectedOnly())
        w->hide();
    ui->advice->hide();
    ui->retry->setEnabled(false);
    setTitle(tr("Testing the connection"));
    const BrokerConfig &c = m_state->broker;
    ui->brokerStatus->setText(tr("Connecting to %1:%2…").arg(c.host).arg(c.port));
    // A client id of its own: the app may be connected to this broker already, and a broker
    // drops the older of two connections with one id.
    m_probe = std::make_unique<BrokerSource>(c, m_state->brokerPassword,
                                             m_context->mqttClientId() + "-setup");
    // One attempt: the page says what went wrong and the person tries again.
    m_probe->setRetryDelays(MqttLink::MaxRetryMs, MqttLink::MaxRetryMs);
    BrokerSource *probe = m_probe.get();
    connect(probe, &Source::listed, this, &BrokerLocksPage::showLocks);
    connect(probe, &Source::linkChanged, this, [this, probe] {
        // Lost after it worked: said, and the choice so far is kept.
        if (m_ok && probe->link().status != LinkStatus::Online) {
            m_ok = false;
            failed(probe->link().lastError);
        }
    });
    probe->start(true);
    probe->readAll([this, guard = QPointer<BrokerLocksPage>(this), probe](const SourceError &e) {
        if (!guard || probe != m_probe.get())
            return; // an earlier test's answer
        if (!e.ok()) {
            failed(e);
            return;
        }
        m_ok = true;
        ui->retry->setEnabled(true);
        setTitle(tr("Connected"));
        describe();
        emit completeChanged();
    });
}

QList<QWidget *> BrokerLocksPage::connectedOnly() const
{
    return {ui->locksLabel, ui->locks, ui->lateHint, ui->brokerNameLabel, ui->brokerName};
}

void BrokerLocksPage::failed(const SourceError &error)
{
    for (QWidget *w : connectedOnly())
        w->hide();
    if (m_probe) {
        m_probe->disconnect(this); // its own goodbye is not news
        m_probe->stop();
    }
    ui->retry->setEnabled(true);
    setTitle(error.kind == SourceError::Unauthorized ? tr("The broker did not accept the login")
                                                     : tr("Could not connect"));
    ui->brokerStatus->setText(error.message());
    ui->advice->setText(adviceFor(error, m_state->broker.tls));
    ui->advice->setVisible(!ui->advice->text().isEmpty());
    emit completeChanged();
}

QString BrokerLocksPage::adviceFor(const SourceError &error, bool tls)
{
    switch (error.kind) {
    case SourceError::Unauthorized:
        return tr("Check the user name and the password: they are the broker's own (its password "
                  "file), not those of your Nuki account.");
    case SourceError::Timeout:
        return tr("Something took the connection but did not answer as an MQTT broker. Check the "
                  "port, and TLS: a TLS port needs TLS switched on here, a plain one needs it "
                  "off.");
    case SourceError::Unreachable:
    case SourceError::ConnectionLost:
        return tls ? tr("Check the address, the port (a broker's TLS port is not the 1883 the "
                        "lock uses) and the CA certificate.")
                   : tr("Check the address and the port, and that the broker is running and "
                        "listens on the network (Mosquitto 2 listens only on its own computer "
                        "unless its configuration has a “listener 1883” line).");
    default:
        return {};
    }
}

void BrokerLocksPage::showLocks(const QList<Device> &devices)
{
    // Rebuilt from each listing, keeping the ticks: a lock that connects while the page is
    // open is added ticked, one that is gone from the broker leaves the list.
    QHash<quint32, bool> ticked;
    for (int i = 0; i < ui->locks->count(); ++i)
        ticked.insert(ui->locks->item(i)->data(IdRole).toUInt(),
                      ui->locks->item(i)->checkState() == Qt::Checked);
    const QSignalBlocker quiet(ui->locks);
    ui->locks->clear();
    for (const Device &d : devices) {
        QString text = d.name == hexId(d.nukiId) || d.name.isEmpty()
                           ? hexId(d.nukiId)
                           : tr("%1 (%2)").arg(d.name, hexId(d.nukiId));
        if (!d.state.known)
            text += tr(" — not connected to the broker now");
        auto *item = new QListWidgetItem(text, ui->locks);
        item->setData(IdRole, d.nukiId);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(ticked.value(d.nukiId, true) ? Qt::Checked : Qt::Unchecked);
    }
    if (m_ok)
        describe();
    emit completeChanged();
}

void BrokerLocksPage::describe()
{
    const BrokerConfig &c = m_state->broker;
    const int n = ui->locks->count();
    bool known = false;
    for (const BrokerConfig &b : m_context->brokers())
        known |= b.id == c.id;
    QString text =
        n == 0 ? tr("Connected to %1:%2. No lock has published here yet: check that "
                    "MQTT is on for the lock in the Nuki app, with this broker's "
                    "address. Finish adds the broker; its locks appear once they "
                    "connect.")
                     .arg(c.host)
                     .arg(c.port)
               : tr("Connected to %1:%2. %n lock(s) found:", nullptr, n).arg(c.host).arg(c.port);
    if (known)
        text += u' ' + tr("This broker is added already: Finish replaces its settings.");
    ui->brokerStatus->setText(text);
    for (QWidget *w : connectedOnly())
        w->show();
    ui->locksLabel->setVisible(n > 0);
    ui->locks->setVisible(n > 0);
    ui->advice->hide();
}

bool BrokerLocksPage::isComplete() const
{
    if (!m_ok)
        return false;
    if (ui->locks->count() == 0)
        return true; // the broker first, its locks when they come
    for (int i = 0; i < ui->locks->count(); ++i)
        if (ui->locks->item(i)->checkState() == Qt::Checked)
            return true;
    return false; // nothing ticked: nothing to add
}

QString BrokerLocksPage::statusText() const
{
    return ui->brokerStatus->text();
}

QString BrokerLocksPage::adviceText() const
{
    return ui->advice->isHidden() ? QString() : ui->advice->text();
}

int BrokerLocksPage::lockCount() const
{
    return ui->locks->count();
}

QList<quint32> BrokerLocksPage::ignoredLocks() const
{
    QList<quint32> ids;
    for (int i = 0; i < ui->locks->count(); ++i)
        if (ui->locks->item(i)->checkState() != Qt::Checked)
            ids << ui->locks->item(i)->data(IdRole).toUInt();
    return ids;
}

QString BrokerLocksPage::brokerName() const
{
    return ui->brokerName->text().trimmed();
}
