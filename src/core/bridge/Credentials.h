#pragma once

#include <QDateTime>
#include <QString>
#include <QUrlQuery>
#include <functional>

namespace nuki {

// How the token travels (§2). Auto: the best the bridge accepts, found out by BridgeClient.
enum class TokenMode
{
    Auto,
    Encrypted,
    Hashed,
    Plain
};
QString tokenModeName(TokenMode mode);
TokenMode tokenModeFromName(const QString &name);

// The only code that sees the token. It builds the query parameters that prove we know it,
// stamped with the bridge's time (our clock plus the offset learned from /info), so a drifting
// clock does not lock us out. Clock and randomness are injectable for tests.
class Credentials
{
public:
    explicit Credentials(const QString &token = {}) : m_token(token) {}

    void setToken(const QString &token) { m_token = token; }
    bool hasToken() const { return !m_token.isEmpty(); }
    // Only for handing the token to the keychain or to another client; never print it.
    QString token() const { return m_token; }
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    void setRandom(std::function<void(void *, size_t)> random) { m_random = std::move(random); }
    void setBridgeClockOffset(qint64 seconds) { m_offset = seconds; }
    qint64 bridgeClockOffset() const { return m_offset; }

    // `mode` must not be Auto. `extraSeconds` shifts the timestamp (used to probe clock skew).
    QUrlQuery query(TokenMode mode, qint64 extraSeconds = 0) const;

    // The official construction, exposed for the test vectors.
    static QString hashFor(const QString &token, const QString &ts, quint16 rnr);
    static QByteArray ctokenFor(const QString &token, const QString &ts, quint16 rnr,
                                const QByteArray &nonce);

private:
    QString m_token;
    qint64 m_offset = 0;
    std::function<QDateTime()> m_clock;
    std::function<void(void *, size_t)> m_random;
};

} // namespace nuki
