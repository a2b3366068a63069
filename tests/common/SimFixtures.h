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
