// A command to a Wi-Fi lock, from one publish to the state it leads to (or why not).
#include "mqtt/BrokerSource.h"

#include "protocol/Actions.h"

#include <QCoreApplication>

namespace nuki {

using namespace mqtt;

void BrokerSource::perform(const ActionRequest &request, const ActionProgress &progress)
{
    auto refuse = [&](const SourceError &e) { progress.finished(e); };
    auto it = m_locks.find(request.nukiId);
    if (m_mqtt.state() != MqttLink::State::Connected)
        return refuse(m_link.lastError.ok() ? SourceError(SourceError::Unreachable)
                                            : m_link.lastError);
    if (it == m_locks.end() || !it->typeKnown)
        return refuse(SourceError(SourceError::UnknownDevice));
    Lock &l = *it;
    // Never while the lock is not known to be connected: the broker would keep a QoS 2
    // command for a lock with a session and hand it over late, or drop it silently.
    if (!l.info.connected.value_or(false))
        return refuse(SourceError(SourceError::LockNotConnected));
    if (l.pending)
        return refuse(SourceError::said(SourceError::LockBusy,
                                        tr("Another command to this lock is still under way.")));
    if (request.action < 1 || request.action > 6)
        return refuse(SourceError(SourceError::BadRequest));
    Pending p;
    p.id = ++m_nextPending;
    p.action = request.action;
    p.progress = progress;
    p.stateAtSend = l.device.state.state;
    p.mid = m_mqtt.publish(QStringLiteral("nuki/%1/lockAction").arg(l.info.rawId),
                           QByteArray::number(request.action), 2, CommandExpirySeconds);
    if (p.mid < 0)
        return refuse(SourceError(SourceError::Unreachable));
    l.pending = p;
    // Ours joins the commands waiting for a response when the broker hands it back to us:
    // then it is in the broker's order among other clients' (see commandSeen).
    l.echoExpected = QByteArray::number(request.action);
    const quint32 nukiId = request.nukiId;
    const quint64 pid = p.id;
    QTimer *&answer = m_answerTimers[nukiId];
    if (!answer) {
        answer = new QTimer(this);
        answer->setSingleShot(true);
    }
    answer->disconnect(this);
    connect(answer, &QTimer::timeout, this, [this, nukiId, pid] {
        Lock &l = m_locks[nukiId];
        if (l.pending && l.pending->id == pid && !l.pending->answered)
            finish(l, SourceError(SourceError::NoAnswer, 0, {}, true));
    });
    answer->start(m_answerTimeoutMs);
    QTimer *&outcome = m_outcomeTimers[nukiId];
    if (!outcome) {
        outcome = new QTimer(this);
        outcome->setSingleShot(true);
    }
    outcome->disconnect(this);
    connect(outcome, &QTimer::timeout, this, [this, nukiId, pid] {
        Lock &l = m_locks[nukiId];
        if (l.pending && l.pending->id == pid)
            finish(l, SourceError::said(SourceError::Timeout,
                                        tr("The lock answered, but did not report where it ended "
                                           "up: outcome unknown — check the door."),
                                        true));
    });
    outcome->start(m_outcomeTimeoutMs);
    if (request.noWait)
        finish(l, {}); // nukictl --no-wait: the broker has it, the lock will act
}

// A command on the lock's command topics: another client's, or our own handed back by the
// broker. Either waits for a response, in the order the broker passed them on (the order the
// lock got them in).
void BrokerSource::commandSeen(Lock &l, const QString &sub, const QByteArray &payload)
{
    if (!m_clock.isValid())
        m_clock.start();
    if (sub == u"lockAction" && !l.echoExpected.isEmpty() && payload.trimmed() == l.echoExpected) {
        l.echoExpected.clear();
        if (l.pending && !l.pending->responded)
            l.inFlight << InFlight{true, m_clock.elapsed()};
        return;
    }
    // Only what the lock acts on (and so answers): lockAction 1-6, lock or unlock "true".
    const bool valid = sub == u"lockAction" ? parseInteger(payload, 1, 6).has_value()
                                            : parseBoolean(payload) == true;
    if (valid)
        l.inFlight << InFlight{false, m_clock.elapsed()};
}

bool BrokerSource::othersWaiting(const Lock &l) const
{
    return std::any_of(l.inFlight.cbegin(), l.inFlight.cend(),
                       [](const InFlight &f) { return !f.ours; });
}

// The rule (docs/architecture.md): a response belongs to a command still waiting for one, ours
// or another client's. Success and refusals belong to the oldest (the one the lock acted on);
// "busy" to the newest when several wait (a lock says busy at once to a command that comes
// while it moves for an earlier one, and answers that earlier one when it is done). A command
// that waited longer than it can live waits no more. Once our command has its own evidence
// (the lock moved the way it leads, with no other command waiting, or reported its event), a
// refusal cannot be its. A command published before we subscribed is not known: if it is
// still unanswered when ours goes out, its response may be taken for ours.
void BrokerSource::responseSeen(Lock &l, int code)
{
    const qint64 now = m_clock.isValid() ? m_clock.elapsed() : 0;
    while (!l.inFlight.isEmpty() && now - l.inFlight.first().atMs > InFlightMs)
        l.inFlight.removeFirst();
    if (l.pending && !l.pending->responded && !l.echoExpected.isEmpty()) {
        // A response before our own command came back: ours is waiting all the same.
        l.echoExpected.clear();
        l.inFlight << InFlight{true, now};
    }
    if (l.inFlight.isEmpty())
        return; // for a command we did not see
    const InFlight answered = code == ResponseBusy ? l.inFlight.takeLast() : l.inFlight.takeFirst();
    if (!answered.ours || !l.pending || l.pending->responded)
        return; // another client's
    l.pending->responded = true;
    if (code == ResponseOk) {
        if (!l.pending->answered)
            l.pending->progress.taken();
        l.pending->answered = true;
        checkPending(l);
    } else if (l.pending->answered) {
        return; // the lock moved for it, or reported its event: this refusal is not its
    } else if (code == ResponseBusy) {
        finish(l, SourceError(SourceError::LockBusy, code));
    } else {
        finish(l, SourceError::said(SourceError::LockRefused,
                                    tr("The lock refused the command: %1.").arg(responseText(code)),
                                    false, code));
    }
}

void BrokerSource::checkPending(Lock &l)
{
    if (!l.pending)
        return;
    const DeviceState &s = l.device.state;
    const bool moving = isTransitional(l.device.deviceType, s.state);
    const ActionSpec *spec = findAction(l.device.deviceType, l.pending->action);
    // Movement is its evidence only when it begins after the command, goes the way the
    // command leads (unlocking is no evidence for a lock), and no other client's command
    // waits that could have caused it.
    const bool wasMoving = isTransitional(l.device.deviceType, l.pending->stateAtSend);
    const bool ourWay =
        spec && s.state != l.pending->stateAtSend &&
        (s.state == spec->shownWhileRunning || spec->explains(s.state) || spec->reached(s));
    if (!wasMoving && ourWay && !othersWaiting(l)) {
        if (!l.pending->answered)
            l.pending->progress.taken();
        l.pending->answered = true; // it moves for it: it got the command
    }
    if (l.pending->answered && !moving && s.known && spec && spec->reached(s))
        finish(l, {});
}

void BrokerSource::finish(Lock &l, const SourceError &error)
{
    if (!l.pending)
        return;
    const Pending p = *l.pending;
    l.pending.reset();
    if (QTimer *t = m_answerTimers.value(l.device.nukiId))
        t->stop();
    if (QTimer *t = m_outcomeTimers.value(l.device.nukiId))
        t->stop();
    p.progress.finished(error);
}

} // namespace nuki
