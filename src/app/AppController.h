#pragma once

#include "bridge/BridgeSource.h"
#include "bridge/Discovery.h"
#include "bridge/PushManager.h"
#include "history/HistoryRecorder.h"
#include "history/Journal.h"
#include "home/DeviceListModel.h"
#include "home/Home.h"
#include "home/HomeMemory.h"
#include "store/SecretStore.h"
#include "store/Settings.h"
#include "store/TokenStorage.h"
#include "web/WebSource.h"

#include <QObject>
#include <QSet>
#include <QTemporaryDir>
#include <memory>

class QWidget;
class DemoBroker;
class DemoHousehold;
class AppAutomations;
namespace nukisim {
class SimBridge;
class SimWifiLock;
} // namespace nukisim

// Wires the core together for the app: settings, keychain, the home and its sources, the
// model, and demo mode. Widgets ask it for intents (`requestAction`); it holds no protocol
// knowledge: the sources in the core talk to bridges and brokers.
class AppController : public QObject
{
    Q_OBJECT
public:
    AppController(nuki::Settings *settings, bool demo, QObject *parent = nullptr);
    ~AppController() override;

    // Keeps the home in `path` between runs (HomeMemory): call before start(). Not in demo
    // mode, whose household is made up.
    void rememberHomeIn(const QString &path);
    nuki::HomeMemory *memory() const { return m_memory.get(); } // null when not remembering
    void start();
    // Keeps the history in `path` (demo mode: a file of this run only). What happens is
    // recorded from now on; the file is opened a moment later, after the window is painted,
    // in the journal's own thread.
    void startHistory(const QString &path);
    nuki::Journal *journal() const { return m_journal.get(); } // null until opened
    nuki::HistoryRecorder *historyRecorder() const { return m_recorder.get(); }
    QString historyPath() const { return m_historyPath; }
    // "History of Front door" from a card, the tray or the menu: the window opens it.
    void requestHistory(const nuki::DeviceKey &key = {}) { emit historyRequested(key); }
    nuki::Home *home() { return &m_home; }
    nuki::DeviceListModel *model() { return m_model.get(); }
    nuki::Settings *settings() { return m_settings; }
    nuki::SecretStore *secrets() { return &m_secrets; }
    bool isDemo() const { return m_demo; }
    nukisim::SimBridge *demoBridge() const;
    nukisim::SimWifiLock *demoWifiLock() const; // null without mosquitto, or until it is up
    nuki::PushManager *push() const { return m_push.get(); } // null when push is off
    // Removes this app's callbacks from the bridges, then calls `done` (at most 5 s).
    void shutdown(std::function<void()> done);

    // Asks for confirmation where opening a door is involved (unless switched off), then acts.
    // Returns false when nothing was started (cancelled, or an action is already running).
    bool requestAction(const nuki::DeviceKey &key, int action, QWidget *parent,
                       nuki::ActionOrigin origin = nuki::ActionOrigin::Window);
    // Tests replace the dialog: return true to confirm.
    std::function<bool(const QString &question, QWidget *parent, const QString &yes)> confirm;

    void applySettings();
    // Favourites: shown first in the window and in the tray menu. Kept in the settings, except
    // in demo mode (which writes nothing).
    bool isFavourite(const nuki::DeviceKey &key) const;
    void setFavourite(const nuki::DeviceKey &key, bool on);
    QStringList favourites() const { return m_favourites; }

    // Forgets the bridge at once and takes our callback off it in the background (bounded).
    void removeBridge(const QString &id);
    static constexpr int RemovalBoundMs = 5000;

    using TokenStorage = nuki::TokenStorage;
    // Adds (or updates) a bridge found by the wizard: settings, the token where chosen, Home.
    void saveBridge(const nuki::BridgeConfig &config, const QString &token, bool push,
                    TokenStorage storage);
    // Adds (or replaces) a broker of Wi-Fi locks found by the wizard: the settings, the
    // password in the keychain only (none for an anonymous broker), and a started source.
    void saveBroker(const nuki::BrokerConfig &config, const QString &password);
    // Adds (or replaces) the Nuki Web account: the token in the keychain only, the address
    // in the settings, a started source.
    void saveWeb(const nuki::WebConfig &config, const QString &token);
    // Into the history (kept in memory until the journal is open).
    void recordHistory(const nuki::HistoryEvent &e);
    AppAutomations *automations() const { return m_automations; }
    // When a bridge stops answering: ask discovery whether it moved, and follow it.
    void followMovedBridge(const QString &bridgeId);

signals:
    void keychainProblem(const QString &bridgeId, const QString &message);
    void bridgeMoved(const QString &bridgeId, const QString &from, const QString &to);
    void favouritesChanged();
    void historyRequested(const nuki::DeviceKey &key);
    void journalOpened();

private:
    void startDemo();
    void loadBridges();
    void ensurePush(const QString &path);
    void watchBridge(const QString &sourceId);
    void foldBridgeLogOnce(const QString &sourceId);
    void loadWeb();
    void foldWebLog(const QString &sourceId, const QList<nuki::web::LogEntry> &entries);

    nuki::Settings *m_settings;
    nuki::Home m_home;
    nuki::SecretStore m_secrets;
    std::unique_ptr<nuki::DeviceListModel> m_model;
    bool m_demo;
    nuki::Discovery *m_discovery = nullptr;
    DemoHousehold *m_demoHousehold = nullptr;
    DemoBroker *m_demoBroker = nullptr;
    std::unique_ptr<nuki::PushManager> m_push;
    std::unique_ptr<nuki::HomeMemory> m_memory; // after m_home: saved before Home goes
    QStringList m_favourites;
    // The history: recorded from the start, kept in memory until the journal is open.
    std::unique_ptr<nuki::HistoryRecorder> m_recorder;
    std::unique_ptr<nuki::Journal> m_journal;
    QList<nuki::HistoryEvent> m_historyBuffer;
    QString m_historyPath;
    std::unique_ptr<QTemporaryDir> m_demoHistoryDir;
    QDateTime m_runStarted;
    QSet<QString> m_logsFolded;              // bridges whose log this run has read
    AppAutomations *m_automations = nullptr; // a child: the desk automations
    // Nuki Web log entries that came before the journal was open.
    QList<QPair<QString, QList<nuki::web::LogEntry>>> m_webLogBuffer;
};
