#include "AppController.h"

#include "AppAutomations.h"

#include "protocol/Actions.h"
#include "protocol/PlainText.h"

#include "demo/DemoBroker.h"
#include "demo/DemoHousehold.h"
#include "mqtt/BrokerSource.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTimer>

using namespace nuki;

AppController::AppController(Settings *settings, bool demo, QObject *parent)
    : QObject(parent), m_settings(settings), m_demo(demo)
{
    m_model = std::make_unique<DeviceListModel>(&m_home);
    m_model->setNameOf([this](quint32 id) { return plainText(m_settings->personName(id)); });
    if (!m_demo) {
        // Read in today's form: a favourite saved before sources named its bridge too.
        for (const QString &f : m_settings->favourites())
            if (const DeviceKey k = DeviceKey::fromString(f); k.nukiId != 0)
                m_favourites << k.toString();
        m_favourites.removeDuplicates();
    }
    connect(&m_home, &Home::sourceOffline, this, &AppController::followMovedBridge);
    connect(&m_home, &Home::sourceAdded, this, &AppController::watchBridge);
    confirm = [](const QString &question, QWidget *parent, const QString &yes) {
        // A real dialog with "Cancel" as the default button: a stray Enter or click does not
        // open a door.
        QMessageBox box(QMessageBox::Question, tr("Please confirm"), question,
                        QMessageBox::Yes | QMessageBox::Cancel, parent);
        box.setDefaultButton(QMessageBox::Cancel);
        box.button(QMessageBox::Yes)->setText(yes);
        return box.exec() == QMessageBox::Yes;
    };
    m_automations = new AppAutomations(this);
}

AppController::~AppController()
{
    // The automations first: they hear the home, and write to the history.
    delete std::exchange(m_automations, nullptr);
    // The recorder's last events go to the journal, which writes them before its folder (the
    // demo's) goes.
    m_recorder.reset();
    m_journal.reset();
}

nukisim::SimBridge *AppController::demoBridge() const
{
    return m_demoHousehold ? m_demoHousehold->bridge() : nullptr;
}

nukisim::SimWifiLock *AppController::demoWifiLock() const
{
    return m_demoBroker ? m_demoBroker->lock() : nullptr;
}

void AppController::watchBridge(const QString &sourceId)
{
    BridgeSource *b = bridgeSource(m_home, sourceId);
    if (!b || m_demo)
        return;
    // The bridge's clock offset is kept, so the next start stamps tokens right at once.
    connect(b, &BridgeSource::clockSkew, this, [this, sourceId] {
        if (const BridgeSource *b = bridgeSource(m_home, sourceId)) {
            m_settings->upsertBridge(b->config());
            m_settings->sync();
        }
    });
}

void AppController::ensurePush(const QString &path)
{
    if (m_push)
        return;
    m_push = std::make_unique<PushManager>(&m_home, path);
    m_push->setPort(m_demo ? 0 : m_settings->pushPort());
    connect(m_push.get(), &PushManager::changed, &m_home, &Home::sourceChanged);
    m_push->enableEachBridgeOnceOnline();
}

void AppController::rememberHomeIn(const QString &path)
{
    if (!m_demo && !m_memory)
        m_memory = std::make_unique<HomeMemory>(&m_home, path);
}

void AppController::start()
{
    applySettings();
    // A changed interval takes effect at once, whoever changed it.
    connect(m_settings, &Settings::changed, this, [this](Settings::Key key) {
        if (key == Settings::Key::PollIntervalSeconds)
            applySettings();
    });
    // The demo writes nothing to the settings: a path made for this run.
    if (m_demo || m_settings->pushEnabled())
        ensurePush(m_demo ? PushManager::newSecretPath() : m_settings->pushSecretPath());
    if (m_demo)
        startDemo();
    else
        loadBridges();
    m_automations->start(); // after the sources: it reads what the home has
}

bool AppController::isFavourite(const DeviceKey &key) const
{
    return m_favourites.contains(key.toString());
}

void AppController::setFavourite(const DeviceKey &key, bool on)
{
    if (isFavourite(key) == on)
        return;
    if (on)
        m_favourites << key.toString();
    else
        m_favourites.removeAll(key.toString());
    if (!m_demo) {
        m_settings->setFavourites(m_favourites);
        m_settings->sync();
    }
    emit favouritesChanged();
}

void AppController::applySettings()
{
    m_home.setPollInterval(m_settings->pollIntervalSeconds() * 1000);
}

void AppController::startDemo()
{
    m_demoHousehold = new DemoHousehold(this);
    addBridge(m_home, m_demoHousehold->bridgeConfig(), m_demoHousehold->token());
    m_home.setPollInterval(5000); // the demo should feel alive
    // With Debian's mosquitto installed: a Wi-Fi lock too, on a private broker.
    if (!DemoBroker::available())
        return;
    m_demoBroker = new DemoBroker(this);
    connect(m_demoBroker, &DemoBroker::ready, this, [this](quint16 port) {
        BrokerConfig c;
        c.host = QStringLiteral("127.0.0.1");
        c.port = port;
        c.id = BrokerConfig::idFor(c.host, port);
        c.name = tr("Demo broker");
        // A client id for this run: the demo writes nothing to the settings.
        addBroker(m_home, c, QString(),
                  QStringLiteral("nuki-desktop-demo-%1").arg(QCoreApplication::applicationPid()));
    });
    m_demoBroker->start();
}

void AppController::loadWeb()
{
    const std::optional<WebConfig> config = m_settings->webAccount();
    if (!config)
        return;
    m_secrets.read(
        config->id, [this, c = *config](bool ok, const QString &token, const QString &error) {
            if (!ok || token.isEmpty()) {
                emit keychainProblem(c.id, error);
                return;
            }
            WebSource *w = addWeb(m_home, c, token);
            if (!w)
                return;
            const QString id = c.id;
            connect(w, &WebSource::logRead, this,
                    [this, id](const QList<web::LogEntry> &entries) { foldWebLog(id, entries); });
        });
}

void AppController::loadBridges()
{
    loadWeb();
    // Brokers of Wi-Fi locks: the password (if the broker wants one) from the keychain.
    for (const BrokerConfig &b : m_settings->brokers()) {
        const QString clientId = m_settings->mqttClientId();
        m_secrets.read(b.id, [this, b, clientId](bool, const QString &password, const QString &) {
            addBroker(m_home, b, password, clientId); // an anonymous broker has no entry
        });
    }
    for (const BridgeConfig &b : m_settings->bridges()) {
        BridgeSource *source = addBridge(m_home, b, QString(), false);
        if (!source)
            continue; // the same bridge twice in a hand-edited file
        const QString id = b.id;
        if (b.tokenInFile) {
            source->setToken(SecretStore::readTokenFile(id));
            continue;
        }
        m_secrets.read(id, [this, id](bool ok, const QString &token, const QString &error) {
            if (!ok) {
                emit keychainProblem(id, error);
                return;
            }
            if (BridgeSource *b = bridgeSource(m_home, id))
                b->setToken(token); // the first request goes out now
        });
    }
}

void AppController::saveBridge(const BridgeConfig &input, const QString &token, bool push,
                               TokenStorage storage)
{
    BridgeConfig config = input;
    config.tokenInFile = storage == TokenStorage::File;
    if (storage == TokenStorage::File && !SecretStore::writeTokenFile(config.id, token)) {
        emit keychainProblem(config.id, tr("The token file could not be written."));
        config.tokenInFile = false;
    }
    if (storage == TokenStorage::Keychain) {
        const QString id = config.id;
        m_secrets.write(id, token, [this, id](bool ok, const QString &error) {
            if (!ok)
                emit keychainProblem(id, error);
        });
    }
    m_settings->upsertBridge(config);
    if (push)
        m_settings->setPushEnabled(true);
    m_settings->sync();
    if (BridgeSource *b = bridgeSource(m_home, config.id)) {
        b->rename(config.name);
        b->moveTo(config.host, config.port);
        b->setToken(token);
    } else {
        addBridge(m_home, config, token);
    }
    if (push) {
        ensurePush(m_settings->pushSecretPath());
        m_push->enable(config.id);
    }
}

void AppController::saveBroker(const BrokerConfig &config, const QString &password)
{
    // As nukictl add-broker does: the password goes to the keychain under the broker's id.
    const QString id = config.id;
    auto reported = [this, id](bool ok, const QString &error) {
        if (!ok)
            emit keychainProblem(id, error);
    };
    if (password.isEmpty())
        m_secrets.remove(id, [](bool, const QString &) {}); // anonymous: no old one left over
    else
        m_secrets.write(id, password, reported);
    m_settings->upsertBroker(config);
    m_settings->sync();
    // The same address again (a new user, password or TLS): its link starts afresh. The old
    // one says goodbye first: both use this installation's client id, and a broker drops the
    // older of two alike.
    if (std::unique_ptr<Source> old = m_home.takeSource(id)) {
        old->stop();
        old.release()->deleteLater(); // we may be inside one of its own signals
    }
    addBroker(m_home, config, password, m_settings->mqttClientId());
}

void AppController::saveWeb(const WebConfig &config, const QString &token)
{
    const QString id = config.id;
    m_secrets.write(id, token, [this, id](bool ok, const QString &error) {
        if (!ok)
            emit keychainProblem(id, error);
    });
    m_settings->setWebAccount(config);
    m_settings->sync();
    if (std::unique_ptr<Source> old = m_home.takeSource(id)) {
        old->stop();
        old.release()->deleteLater();
    }
    if (WebSource *w = addWeb(m_home, config, token))
        connect(w, &WebSource::logRead, this,
                [this, id](const QList<web::LogEntry> &entries) { foldWebLog(id, entries); });
}

void AppController::followMovedBridge(const QString &bridgeId)
{
    if (m_demo || !bridgeSource(m_home, bridgeId))
        return;
    if (!m_discovery)
        m_discovery = new Discovery(this);
    m_discovery->fetch(
        QUrl(m_settings->discoveryUrl()), 8000,
        [this, bridgeId](bool ok, const QString &, QList<Discovery::Candidate> list) {
            const BridgeSource *b = bridgeSource(m_home, bridgeId);
            if (!ok || !b || b->link().status != LinkStatus::Offline)
                return;
            for (const auto &c : list) {
                if (QString::number(c.bridgeId, 16).toUpper() != bridgeId || c.discoveryDisabled ||
                    (c.host == b->config().host && c.port == b->config().port))
                    continue;
                // Same bridge id, new address: check it answers there, then follow.
                m_discovery->probe(c.host, c.port, 3000, [this, bridgeId, c](bool isBridge) {
                    BridgeSource *now = bridgeSource(m_home, bridgeId);
                    if (!isBridge || !now)
                        return;
                    const QString from = now->address();
                    now->moveTo(c.host, c.port);
                    now->noteMoved(from);
                    m_settings->upsertBridge(now->config());
                    m_settings->sync();
                    if (m_push)
                        m_push->enable(bridgeId);
                    m_home.refresh();
                    emit bridgeMoved(bridgeId, from,
                                     QStringLiteral("%1:%2").arg(c.host).arg(c.port));
                });
            }
        });
}

void AppController::shutdown(std::function<void()> done)
{
    if (!m_push) {
        done();
        return;
    }
    auto called = std::make_shared<bool>(false);
    auto once = [called, done] {
        if (!*called) {
            *called = true;
            done();
        }
    };
    m_push->shutdown(once);
    QTimer::singleShot(5000, this, once);
}

void AppController::removeBridge(const QString &id)
{
    // Our callback comes off the bridge before its client goes: a dead URL would keep a slot
    // forever, and a bridge stops notifying everyone after a failing callback.
    std::unique_ptr<Source> taken = m_home.takeSource(id);
    if (auto *bridge = qobject_cast<BridgeSource *>(taken.get()); bridge && m_push) {
        taken.release(); // deleted once the callback is off, or at the bound
        QPointer<BridgeSource> guard(bridge);
        auto finished = std::make_shared<bool>(false);
        auto end = [guard, finished] {
            if (*finished)
                return;
            *finished = true;
            if (guard)
                guard->deleteLater();
        };
        m_push->release(bridge, end);
        QTimer::singleShot(RemovalBoundMs, bridge, end); // a bridge that does not answer
    }
    m_settings->removeBridge(id);
    SecretStore::removeTokenFile(id);
    m_settings->sync();
    m_secrets.remove(id, [](bool, const QString &) {});
}

bool AppController::requestAction(const DeviceKey &requested, int action, QWidget *parent,
                                  ActionOrigin origin)
{
    // A copy: the card that asked may be gone when the question returns (a /list can remove
    // the device while the dialog's own event loop runs).
    const DeviceKey key = requested;
    const DeviceRecord *r = m_home.device(key);
    if (!r || r->action.running() || r->remembered) // remembered: held until confirmed
        return false;
    const ActionSpec *spec = findAction(key.deviceType, action);
    if (!spec)
        return false;
    if (m_settings->confirmOpen() && spec->opensDoor) {
        const QString name = r->device.name;
        const QString question =
            isOpener(key.deviceType)
                ? tr("Open the door at “%1” now (buzz it open)?").arg(name)
                : (spec->variantOf
                       ? tr("Lock ’n’ Go and open “%1” now? The door will be unlatched.")
                       : tr("Open “%1” now? The door will be unlatched."))
                      .arg(name);
        // The dialog belongs to the window, not to the card, which may be deleted meanwhile.
        QPointer<QWidget> owner = parent ? parent->window() : nullptr;
        if (!confirm(question, owner, tr("Open")))
            return false;
        r = m_home.device(key); // looked up again: it may have gone or started something
        if (!r || r->action.running())
            return false;
    }
    if (spec->verb == QLatin1StringView("lock") &&
        r->device.state.doorsensorState.value_or(0) == int(DoorSensor::Opened) &&
        m_settings->confirmOpen()) {
        // Locking with the door open throws the bolt into the frame's air: the official app
        // warns too.
        QPointer<QWidget> owner = parent ? parent->window() : nullptr;
        if (!confirm(tr("The door of “%1” is open. Lock anyway?").arg(r->device.name), owner,
                     tr("Lock")))
            return false;
        r = m_home.device(key);
        if (!r || r->action.running())
            return false;
    }
    return m_home.actions()->start(key, action, {origin});
}
