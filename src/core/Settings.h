#pragma once

#include "HomeTypes.h"

#include <QList>
#include <QSettings>
#include <memory>

namespace nuki {

// Typed settings with defaults and bounds, over QSettings. The token is never here: it lives
// in the OS keychain (SecretStore). The file is made readable by its owner only.
class Settings
{
public:
    Settings();                                // the user's settings file
    explicit Settings(const QString &iniPath); // a given file (tests, --config)

    int pollIntervalSeconds() const;
    void setPollIntervalSeconds(int seconds); // bounded to 2..3600
    bool confirmOpen() const;
    void setConfirmOpen(bool on);
    bool startMinimized() const;
    void setStartMinimized(bool on);
    bool startAtLogin() const;
    void setStartAtLogin(bool on);
    // Whether the person was told once that closing the window leaves the app in the tray.
    bool trayHintShown() const;
    void setTrayHintShown(bool shown);
    // The main window's size and position (QWidget::saveGeometry), empty until first closed.
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    // Devices shown first and in the tray menu, as DeviceKey::toString().
    QStringList favourites() const;
    void setFavourites(const QStringList &keys);
    bool pushEnabled() const;
    void setPushEnabled(bool on);
    bool notify(const QString &kind) const; // door, external, ring, battery, bridge, token, action
    void setNotify(const QString &kind, bool on);
    quint16 pushPort() const; // a stable default, so the bridge's entry stays valid
    void setPushPort(quint16 port);
    QString pushSecretPath(); // made once per installation
    QString discoveryUrl() const;
    void setDiscoveryUrl(const QString &url);

    QList<BridgeConfig> bridges() const;
    void setBridges(const QList<BridgeConfig> &bridges);
    void upsertBridge(const BridgeConfig &bridge);
    void removeBridge(const QString &id);

    QString fileName() const { return m_settings->fileName(); }
    void sync();

    static constexpr int DefaultPollSeconds = 15;

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace nuki
