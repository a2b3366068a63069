#pragma once

#include "history/HistoryTypes.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <functional>

namespace nuki {

class Home;

// Turns what the home sees into history events, for whoever keeps them (the Journal, a test):
// - our actions from intent to outcome, one row each, with who asked; the moving states and
//   the state the action leads to are folded into it;
// - a change by someone or something else, with who and how when the source says (a Wi-Fi
//   lock's event is joined to its state change whichever arrives first);
// - the door opened, and closed with how long it stood open; rings;
// - a battery sample when the level or the critical flag changes (not a row per poll);
// - a source going offline and coming back.
class HistoryRecorder : public QObject
{
    Q_OBJECT
public:
    // How long a state change waits for the event that says who did it, and back.
    static constexpr int JoinMs = 2000;

    using Sink = std::function<void(const HistoryEvent &)>;
    HistoryRecorder(Home *home, Sink sink, QObject *parent = nullptr);
    ~HistoryRecorder() override; // what waits for its event is recorded as it is
    void setNameOf(std::function<QString(quint32 id)> nameOf) { m_nameOf = std::move(nameOf); }
    // Whether a change or an event still waits (up to JoinMs) for its other half.
    bool holdsBack() const;

private:
    struct Seen
    {
        quint64 actionId = 0;
        bool actionRunning = false;
        int battery = -2; // -2: not seen yet; -1: no level, only the critical flag
        bool batteryCritical = false;
        QDateTime doorOpenedAt;
        std::optional<HistoryEvent> waiting; // a change waiting for its who and how
        std::optional<LockEvent> earlyEvent; // who and how, waiting for its change
        QDateTime earlyEventAt;
    };
    HistoryEvent base(const DeviceKey &key, HistoryKind kind) const;
    QDateTime changeTime(const DeviceKey &key) const;
    void deviceChanged(const DeviceKey &key);
    void actionFinished(const DeviceKey &key, const ActionStatus &status);
    void changedExternally(const DeviceKey &key, int state);
    void lockEvent(const DeviceKey &key, const LockEvent &event);
    void doorChanged(const DeviceKey &key, int doorState);
    void sourceEvent(const QString &sourceId, HistoryKind kind);
    void releaseWaiting();
    QString actionUid(const DeviceKey &key, quint64 id) const;

    Home *m_home;
    Sink m_sink;
    std::function<QString(quint32)> m_nameOf;
    QHash<DeviceKey, Seen> m_seen;
    QTimer m_release;
    QString m_run; // makes action uids unique across runs
};

} // namespace nuki
