#pragma once

#include "automation/AutomationTypes.h"

#include "bridge/BridgeConfig.h"
#include "mqtt/BrokerConfig.h"
#include "web/WebConfig.h"

#include <optional>

#include <QList>
#include <QObject>
#include <QSettings>
#include <memory>

namespace nuki {

// What a notification is about; the person switches each kind on or off.
enum class NotifyKind : quint8
{
    Door = 0x01,     // a door opens or closes
    External = 0x02, // someone else locked or unlocked
    Ring = 0x04,
    Battery = 0x08,
    Bridge = 0x10, // a bridge went offline or came back
    Token = 0x20,  // a bridge rejects the token
    Action = 0x40  // an action of ours failed or its outcome is unknown
};
Q_DECLARE_FLAGS(NotifyKinds, NotifyKind)
Q_DECLARE_OPERATORS_FOR_FLAGS(NotifyKinds)
QString notifyKindName(NotifyKind kind); // "door": the settings key and the desktop category
constexpr NotifyKind AllNotifyKinds[] = {
    NotifyKind::Door,   NotifyKind::External, NotifyKind::Ring,  NotifyKind::Battery,
    NotifyKind::Bridge, NotifyKind::Token,    NotifyKind::Action};

// Typed settings over QSettings. Every single value comes from one registry: each key's name
// in the file, its default and its bounds are written once (Settings.cpp). Two things are
// not single values and have their own readers: the bridges (an array, bounded in count) and
// the push path (made once per installation, checked for its form). The token is never here: it
// lives in the OS keychain (SecretStore). The file is made readable by its owner only.
class Settings : public QObject
{
    Q_OBJECT
public:
    enum class Key
    {
        PollIntervalSeconds, // 2..3600
        ConfirmOpen,
        StartMinimized,
        StartAtLogin,
        TrayHintShown, // the person was told once that closing leaves the app in the tray
        PushEnabled,
        PushPort, // a stable default, so the bridge's entry stays valid
        DiscoveryUrl,
        WindowGeometry, // the main window's QWidget::saveGeometry(), empty until first closed
        Favourites,     // devices shown first and in the tray menu, as DeviceKey::toString()
        PeopleNames,    // "8193=Anna": names for a Wi-Fi lock's auth and keypad code ids
        NotifyDoor,     // one per NotifyKind, in its order
        NotifyExternal,
        NotifyRing,
        NotifyBattery,
        NotifyBridge,
        NotifyToken,
        NotifyAction,
        HistoryDays, // 7..3650: how long the history keeps what happened
    };
    Q_ENUM(Key)
    struct Spec
    {
        Key key;
        const char *name; // in the file
        QVariant fallback;
        qint64 min = 0, max = 0; // for numbers; equal: unbounded
    };
    static const QList<Spec> &registry();

    Settings();                                // the user's settings file
    explicit Settings(const QString &iniPath); // a given file (tests, --config)
    ~Settings() override;

    // Read with the default, bounded; written bounded. `changed` follows a real change only.
    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);

    int pollIntervalSeconds() const { return value(Key::PollIntervalSeconds).toInt(); }
    void setPollIntervalSeconds(int seconds) { setValue(Key::PollIntervalSeconds, seconds); }
    int historyDays() const { return value(Key::HistoryDays).toInt(); }
    void setHistoryDays(int days) { setValue(Key::HistoryDays, days); }
    bool confirmOpen() const { return value(Key::ConfirmOpen).toBool(); }
    void setConfirmOpen(bool on) { setValue(Key::ConfirmOpen, on); }
    bool startMinimized() const { return value(Key::StartMinimized).toBool(); }
    void setStartMinimized(bool on) { setValue(Key::StartMinimized, on); }
    bool startAtLogin() const { return value(Key::StartAtLogin).toBool(); }
    void setStartAtLogin(bool on) { setValue(Key::StartAtLogin, on); }
    bool trayHintShown() const { return value(Key::TrayHintShown).toBool(); }
    void setTrayHintShown(bool shown) { setValue(Key::TrayHintShown, shown); }
    bool pushEnabled() const { return value(Key::PushEnabled).toBool(); }
    void setPushEnabled(bool on) { setValue(Key::PushEnabled, on); }
    quint16 pushPort() const { return quint16(value(Key::PushPort).toUInt()); }
    void setPushPort(quint16 port) { setValue(Key::PushPort, port); }
    QString discoveryUrl() const { return value(Key::DiscoveryUrl).toString(); }
    void setDiscoveryUrl(const QString &url) { setValue(Key::DiscoveryUrl, url); }
    QByteArray windowGeometry() const { return value(Key::WindowGeometry).toByteArray(); }
    void setWindowGeometry(const QByteArray &geometry) { setValue(Key::WindowGeometry, geometry); }
    QStringList favourites() const { return value(Key::Favourites).toStringList(); }
    void setFavourites(const QStringList &keys) { setValue(Key::Favourites, keys); }
    bool notify(NotifyKind kind) const;
    void setNotify(NotifyKind kind, bool on);
    NotifyKinds notifications() const;
    QString pushSecretPath(); // made once per installation
    // This installation's MQTT client id, made once: "nuki-desktop-" and 12 hex digits. A
    // lock's own id starts otherwise (SL3P_…), so ours never takes a lock off its broker.
    QString mqttClientId();
    // The name a person gave an auth or code id, or empty.
    QString personName(quint32 id) const;
    // A file of the user's data folder that belongs to one settings file (two --config files
    // are two homes): "<prefix><12 hex of the settings path's hash><suffix>".
    static QString dataFileFor(const QString &settingsFile, const QString &prefix,
                               const QString &suffix);

    QList<BridgeConfig> bridges() const;
    void setBridges(const QList<BridgeConfig> &bridges);
    void upsertBridge(const BridgeConfig &bridge);
    void removeBridge(const QString &id);
    // MQTT brokers that Wi-Fi locks publish to. Their passwords live in the keychain under
    // the broker's id, never here.
    QList<BrokerConfig> brokers() const;
    void upsertBroker(const BrokerConfig &broker);
    void removeBroker(const QString &id);
    void setBrokers(const QList<BrokerConfig> &list);
    // The Nuki Web account (one per home). Its API token lives in the keychain under the
    // account's id, never here.
    std::optional<WebConfig> webAccount() const;
    void setWebAccount(const WebConfig &config);
    void removeWebAccount();
    // Desk automations: each one switched on, per trigger and device (off: absent), and
    // whether they are paused. Read again from the file (nukictl may have changed it).
    // At most a rule per trigger for each of a household's 64 devices.
    static constexpr int MaxAutomationRules = 64 * 6;
    QList<automation::Rule> automationRules() const;
    void setAutomationRules(const QList<automation::Rule> &rules);
    bool automationsPaused() const;
    void setAutomationsPaused(bool paused);
    // Reads what another process (nukictl) wrote to the file.
    void reload();

    QString fileName() const { return m_settings->fileName(); }
    void sync();

    static constexpr int DefaultPollSeconds = 15;
    static constexpr int MaxBridges = 64;
    // A bridge id (the hex of its serverId) becomes a file name: 1 to 32 ASCII letters,
    // digits, '-' or '_'; never a path.
    static bool isBridgeId(const QString &id);

signals:
    void changed(nuki::Settings::Key key);

private:
    static const Spec &spec(Key key);
    static Key notifyKey(NotifyKind kind);
    std::unique_ptr<QSettings> m_settings;
};

} // namespace nuki
