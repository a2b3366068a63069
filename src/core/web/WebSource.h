#pragma once

#include "home/Source.h"
#include "web/WebConfig.h"
#include "web/WebJson.h"
#include "web/WebRequest.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <deque>

namespace nuki {

class Home;

// Nuki Web (the cloud API at api.nuki.io, a personal API token) as a source of the home: the
// household from anywhere, for when the bridges and brokers cannot be reached
// (../docs/nuki-web-api.md). Polls, because an API token gets no push:
//  - while it acts for a device (the home found no working local way to it): GET /smartlock
//    every 30 s with the window shown, every 3 min hidden, never more often than every 10 s;
//  - the account's log every 5 min (who did what, for the history), also at home.
// 5xx and 429 back off (Retry-After honoured). One request at a time; an action goes before
// any read waiting. An action is one POST; 204 means "Nuki Web took it", and the outcome is
// the state read at about 2, 5, 10 and 20 s after; nothing is ever sent twice.
class WebSource : public Source
{
    Q_OBJECT
public:
    WebSource(const WebConfig &config, const QString &token, QObject *parent = nullptr);
    ~WebSource() override;

    // --- Source ---
    QString id() const override { return m_config.id; }
    QString name() const override;
    SourceKind kind() const override { return SourceKind::Web; }
    QString address() const override;
    SourceLink link() const override { return m_link; }
    void start(bool poll) override;
    void readAll(std::function<void(const SourceError &)> done) override;
    void readDevice(quint32 nukiId, int deviceType,
                    std::function<void(const SourceError &, const DeviceState &)> done) override;
    bool isFollowingClosely() const override { return !m_confirming.isEmpty(); }
    void perform(const ActionRequest &request, const ActionProgress &progress) override;
    // The last read again, now that the action is over (the home shows it, not the
    // action's optimistic state). No request: the confirming reads were just made.
    void followAction(quint32 nukiId, int deviceType) override;
    void setActingFor(int devices) override;
    void setWatched(bool windowShown) override;
    void stop() override;

    // --- the cloud's own ---
    const WebConfig &config() const { return m_config; }
    // Why the configuration cannot be used (a plain http:// URL to a non-loopback host, a CA
    // file with no certificate); empty when fine. Such a source sends nothing.
    QString configProblem() const { return m_configProblem; }
    const web::Lock *lock(quint32 nukiId, int deviceType) const;
    QList<web::Lock> locks() const { return m_locks; }
    // The account's log, newest first (`olderThan`: an entry id, for the page before it).
    void readLog(int limit, const QString &olderThan,
                 std::function<void(const SourceError &, const QList<web::LogEntry> &)> done);
    // Whether the token lacks smartlock.log (a 401 on the log while the list works).
    bool logRefused() const { return m_logRefused; }
    int requestsSent() const { return m_requestsSent; }
    // The current pause between reads of the list (0: the list is not polled now).
    int listIntervalMs() const;

    static constexpr int ShownMs = 30000;
    static constexpr int HiddenMs = 180000;
    static constexpr int FloorMs = 10000;
    static constexpr int LogMs = 300000;
    static constexpr int MaxBackoffMs = 15 * 60 * 1000;
    static constexpr int ConfirmMs = 30000;
    static constexpr int RequestTimeoutMs = 15000;
    // Tests and the benchmark run the cadence faster: every pause is divided by `factor`.
    void setTimeScale(int factor) { m_scale = qMax(1, factor); }

signals:
    // Log entries not seen before in this run, newest first (the history takes them).
    void logRead(const QList<nuki::web::LogEntry> &entries);

private:
    struct Job
    {
        QByteArray method;
        QString path;
        QByteArray body;
        std::function<void(const web::Result &)> done;
    };
    struct Confirming
    {
        quint64 serial = 0;
        qint64 smartlockId = 0;
        int action = 0;
        int step = 0;
        ActionProgress progress;
        QTimer *timer = nullptr;
        QElapsedTimer sincePost; // the schedule counts from the POST's answer
        // What the cloud said before the POST: a goal already shown then is evidence only
        // once the cloud shows something newer (a moved state, a later updateDate).
        int stateBefore = -1;
        QDateTime updateBefore;
        bool moved = false;
    };

    void enqueue(Job job, bool first);
    void next();
    int scaled(int ms) const { return qMax(1, ms / m_scale); }
    void readList(std::function<void(const SourceError &)> done);
    void readLogNow();
    void schedule();
    void noteFailure(const web::Result &r, const SourceError &error);
    void noteSuccess();
    void setStatus(LinkStatus status, const SourceError &error = {});
    SourceError errorOf(const web::Result &r, bool post) const;
    QList<Device> devices() const;
    Device deviceOf(const web::Lock &l) const;
    void confirmStep(quint64 serial);
    void finishConfirm(quint64 serial, const SourceError &error);

    WebConfig m_config;
    QByteArray m_token;
    QUrl m_base;
    QList<QSslCertificate> m_cas;
    QString m_configProblem;
    SourceLink m_link;
    QList<web::Lock> m_locks;
    std::deque<Job> m_queue;
    QPointer<web::Request> m_current;
    bool m_started = false;
    bool m_polling = false;
    bool m_stopped = false;
    bool m_listOk = false; // the list was read once: a 401 elsewhere is a missing scope
    bool m_logRefused = false;
    int m_actingFor = 0;
    bool m_shown = true;
    int m_backoffMs = 0;
    int m_scale = 1;
    int m_requestsSent = 0;
    QTimer m_listTimer;
    QTimer m_logTimer;
    QElapsedTimer m_sinceList;
    QSet<QString> m_logSeen;
    QHash<quint64, Confirming> m_confirming;
    quint64 m_nextSerial = 0;
};

// Adds the account to the home and starts it.
WebSource *addWeb(Home &home, const WebConfig &config, const QString &token);
WebSource *webSource(const Home &home, const QString &id);

} // namespace nuki
