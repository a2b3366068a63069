// What BridgeClient does with a 401. Hashed and encrypted tokens carry a timestamp that the
// bridge accepts within 60 s of its own clock, so a 401 may mean a wrong token or a clock
// difference (the most common complaint about other clients). We find out with a few /info
// requests: hashed once for firmware older than encrypted tokens, then the same form with
// timestamps shifted in 2-minute steps up to ±MaxSkewSteps·2 minutes. A shift that works
// tells us the bridge's clock; from then on our timestamps follow it.
//
// The form never weakens to plain here: the token travels unprotected only when the person
// chose that for this bridge (TokenMode::Plain). A wrong token therefore costs the bridge
// 1 + 1 + 2·MaxSkewSteps requests (12), at most once per authRecoveryPauseMs.
// A 401 means the bridge refused the request, so re-sending it afterwards is safe.
#include "bridge/BridgeClient.h"

namespace nuki {

namespace {
constexpr int SkewStepSeconds = 120; // the bridge's window is ±60 s, so 2-minute steps cover all
constexpr int MaxSkewSteps = 5;      // ±10 minutes of shift: clocks up to ±11 minutes off
} // namespace

SourceError BridgeClient::unauthorized() const
{
    SourceError e{SourceError::Unauthorized, 401};
    if (m_mode == TokenMode::Encrypted || m_mode == TokenMode::Hashed)
        e.clockCheckedMinutes = (MaxSkewSteps * SkewStepSeconds + 60) / 60;
    return e;
}

void BridgeClient::investigateAuth(const JobPtr &failed)
{
    failed->authInvestigated = true;
    const bool recent = m_sinceInvestigation.isValid() &&
                        m_sinceInvestigation.elapsed() < m_config.authRecoveryPauseMs;
    const bool timed = m_mode == TokenMode::Encrypted || m_mode == TokenMode::Hashed;
    if (recent || m_investigating || !m_credentials.hasToken() || !timed) {
        finish(failed, unauthorized());
        return;
    }
    m_investigating = true;
    m_sinceInvestigation.start();
    m_parked = failed;
    m_authPlan.clear();
    if (m_timedTokenWorked) {
        // The bridge took this form before: a passing refusal (a replayed nonce, a reboot)
        // is more likely than a new token, so try the same once more.
        m_authPlan << AuthCandidate{m_mode, 0};
    } else if (m_configuredMode == TokenMode::Auto && m_mode == TokenMode::Encrypted) {
        // A bridge that never answered us may run firmware older than encrypted tokens.
        m_authPlan << AuthCandidate{TokenMode::Hashed, 0};
    }
    for (int step = 1; step <= MaxSkewSteps; ++step)
        m_authPlan << AuthCandidate{m_mode, step * SkewStepSeconds}
                   << AuthCandidate{m_mode, -step * SkewStepSeconds};
    tryNextAuthCandidate();
}

void BridgeClient::tryNextAuthCandidate()
{
    if (m_authPlan.isEmpty()) {
        endInvestigation(false);
        return;
    }
    const AuthCandidate c = m_authPlan.takeFirst();
    Request probe;
    probe.path = QStringLiteral("/info");
    probe.priority = Priority::Internal;
    probe.timeoutMs = 10000;
    probe.credentialOverride = std::make_pair(c.mode, c.offset);
    send(probe, [this, c](const SourceError &error, const QByteArray &body) {
        if (!m_investigating)
            return;
        if (error.kind == SourceError::Unauthorized) {
            tryNextAuthCandidate();
            return;
        }
        BridgeInfo info;
        QString parseError;
        if (!error.ok() || !parseInfo(body, &info, &parseError)) {
            endInvestigation(false); // the bridge is gone or odd: report the original 401
            return;
        }
        if (c.mode != m_mode) {
            m_mode = c.mode;
            emit tokenModeChanged(m_mode);
        }
        if (c.offset != 0) {
            // The shift that worked is a 2-minute guess; the bridge's own time is precise.
            const qint64 offset = info.currentTime.isValid()
                                      ? QDateTime::currentDateTimeUtc().secsTo(info.currentTime)
                                      : m_credentials.bridgeClockOffset() + c.offset;
            m_credentials.setBridgeClockOffset(offset);
            emit clockSkewDetected(offset);
        }
        emit infoReceived(info);
        endInvestigation(true);
    });
}

void BridgeClient::endInvestigation(bool found)
{
    m_investigating = false;
    m_authPlan.clear();
    JobPtr job = std::move(m_parked);
    m_parked.reset();
    if (job) {
        if (found) {
            job->notBefore = QDeadlineTimer(0);
            enqueue(job); // refused with 401 before, so sending it again is safe
        } else {
            finish(job, unauthorized());
        }
    }
    pump();
}

} // namespace nuki
