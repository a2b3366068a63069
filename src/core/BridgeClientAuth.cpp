// What BridgeClient does with a 401. Hashed and encrypted tokens carry a timestamp that the
// bridge accepts within 60 s of its own clock, so a 401 may mean a wrong token or a clock
// difference (the most common complaint about other clients). We find out with a few /info
// requests: another token form, then timestamps shifted in 2-minute steps up to ±14 minutes.
// A shift that works tells us the bridge's clock; from then on our timestamps follow it.
// A 401 means the bridge refused the request, so re-sending it afterwards is safe.
#include "BridgeClient.h"

namespace nuki {

void BridgeClient::investigateAuth(const JobPtr &failed)
{
    failed->authInvestigated = true;
    const bool recent = m_sinceInvestigation.isValid() &&
                        m_sinceInvestigation.elapsed() < m_config.authRecoveryPauseMs;
    if (recent || m_investigating || !m_credentials.hasToken()) {
        finish(failed, {BridgeError::Unauthorized, 401});
        return;
    }
    m_investigating = true;
    m_sinceInvestigation.start();
    m_parked = failed;
    m_authPlan.clear();
    const bool timed = m_mode == TokenMode::Encrypted || m_mode == TokenMode::Hashed;
    // Once the bridge accepted a timed token, a 401 never leads to a weaker form: that could
    // be a passing fault, or someone provoking a downgrade.
    const bool mayWeaken = m_configuredMode == TokenMode::Auto && !m_timedTokenWorked;
    if (timed)
        m_authPlan << AuthCandidate{m_mode, 0}; // the same again: a passing refusal
    if (mayWeaken && m_mode == TokenMode::Encrypted)
        m_authPlan << AuthCandidate{TokenMode::Hashed, 0}; // firmware older than encrypted tokens
    if (timed)
        for (int step = 1; step <= 7; ++step)
            m_authPlan << AuthCandidate{m_mode, step * 120} << AuthCandidate{m_mode, -step * 120};
    // Plain last, only when the person left the choice to us and the bridge never took better:
    // a software bridge or very old firmware accepts nothing else.
    if (mayWeaken)
        m_authPlan << AuthCandidate{TokenMode::Plain, 0};
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
    send(probe, [this, c](const BridgeError &error, const QByteArray &body) {
        if (!m_investigating)
            return;
        if (error.kind == BridgeError::Unauthorized) {
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
            finish(job, {BridgeError::Unauthorized, 401});
        }
    }
    pump();
}

} // namespace nuki
