#pragma once
// Shared by every test that runs the simulated bridge in-process.

#include "SimBridge.h"

// Fast timings so that state machines finish within a test's bounded waits.
inline nukisim::SimConfig fastSimConfig()
{
    nukisim::SimConfig c;
    c.requestMs = 5;
    c.actionMs = 150;
    c.lockStateMs = 50;
    c.unlatchHoldMs = 150;
    c.lockNGoDelayMs = 300;
    c.ringResetMs = 300;
    c.authWindowMs = 500;
    return c;
}

// The bridge's /lockAction requests, and one parameter of a logged request.
inline QString simParam(const nukisim::SimLogEntry &e, const char *name)
{
    for (const auto &p : e.params)
        if (p.first == QLatin1StringView(name))
            return p.second;
    return {};
}
inline QList<nukisim::SimLogEntry> simLockActions(const nukisim::SimBridge &sim)
{
    QList<nukisim::SimLogEntry> out;
    for (const nukisim::SimLogEntry &e : sim.requestLog())
        if (e.path == QLatin1StringView("/lockAction"))
            out << e;
    return out;
}
// How many of them were for this device.
inline int simLocksFor(const nukisim::SimBridge &sim, quint32 nukiId)
{
    int n = 0;
    for (const nukisim::SimLogEntry &e : simLockActions(sim))
        n += simParam(e, "nukiId") == QString::number(nukiId);
    return n;
}
// The first /lockAction that was not a lock (action 2), in words; empty when there was none.
inline QString simNonLockAction(const nukisim::SimBridge &sim)
{
    for (const nukisim::SimLogEntry &e : simLockActions(sim))
        if (simParam(e, "action") != QLatin1StringView("2"))
            return QStringLiteral("an automation sent action ") + simParam(e, "action");
    return {};
}
