#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace nuki {

// Bridge tokens in the OS keychain (Secret Service on Linux, via QtKeychain), keyed by bridge
// id. There is no silent plaintext fallback: when no keychain answers, callers are told and
// decide with the person what to do.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    explicit SecretStore(QObject *parent = nullptr);
    void setService(const QString &service) { m_service = service; }
    QString service() const { return m_service; }

    using ReadDone = std::function<void(bool ok, const QString &token, const QString &error)>;
    using WriteDone = std::function<void(bool ok, const QString &error)>;
    void read(const QString &bridgeId, ReadDone done);
    void write(const QString &bridgeId, const QString &token, WriteDone done);
    void remove(const QString &bridgeId, WriteDone done);
    // Whether a keychain answers at all (writes and deletes a harmless entry).
    void probe(WriteDone done);

    // The explicit alternative a person may choose when there is no keychain: a file that
    // only they can read. Never used without that choice.
    static QString tokenFilePath(const QString &bridgeId);
    static bool writeTokenFile(const QString &bridgeId, const QString &token);
    static QString readTokenFile(const QString &bridgeId);
    static void removeTokenFile(const QString &bridgeId);

private:
    QString m_service = QStringLiteral("nuki-desktop");
};

} // namespace nuki
