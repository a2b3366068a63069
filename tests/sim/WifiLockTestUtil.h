#pragma once
// Shared by the Wi-Fi lock tests: a fresh mosquitto per test on 127.0.0.1 (so retained data
// never leaks between tests), fast motor timings, and a lock that is up.

#include "MosquittoBroker.h"
#include "MqttProbe.h"
#include "SimWifiLock.h"

#include <QSignalSpy>
#include <QTest>
#include <memory>

class WifiLockTest : public QObject
{
protected:
    std::unique_ptr<MosquittoBroker> m_broker;

    // init(): a broker of its own for every test function.
    bool startBroker()
    {
        m_broker = std::make_unique<MosquittoBroker>();
        return m_broker->start();
    }
    nukisim::WifiLockConfig fastConfig() const
    {
        nukisim::WifiLockConfig c;
        c.nukiId = 0x0ABCDEF1; // a leading zero nibble: topics still use 8 digits
        c.name = QStringLiteral("Haustür");
        c.port = m_broker->port();
        c.unlockMs = c.lockMs = c.unlatchMs = c.fullLockMs = 200;
        c.unlatchHoldMs = 100;
        c.lockNGoDelayMs = 300;
        return c;
    }
    static QString t(const char *sub) { return QStringLiteral("nuki/0ABCDEF1/") + sub; }
    // A lock that has its CONNACK and has handed its connect-time messages to the library.
    static std::unique_ptr<nukisim::SimWifiLock> startLock(const nukisim::WifiLockConfig &c)
    {
        auto lock = std::make_unique<nukisim::SimWifiLock>(c);
        QSignalSpy up(lock.get(), &nukisim::SimWifiLock::connected);
        if (!lock->start() || !up.wait(10000))
            return {};
        return lock;
    }
    // The lock's subscriptions are in place once a command reaches it.
    static bool allowsCommands(MqttProbe &probe, nukisim::SimWifiLock &lock)
    {
        QSignalSpy got(&lock, &nukisim::SimWifiLock::commandReceived);
        return probe.publish(lock.topic("lockAction"), "ping") && got.wait(5000);
    }
};

#define WIFI_LOCK_TEST_FIXTURE                                                                     \
    void init()                                                                                    \
    {                                                                                              \
        if (!QFile::exists(QStringLiteral("/usr/sbin/mosquitto")))                                 \
            QSKIP("mosquitto is not installed (scripts/install-deps.sh)");                         \
        QVERIFY2(startBroker(), qPrintable(m_broker->output()));                                   \
    }                                                                                              \
    void cleanup()                                                                                 \
    {                                                                                              \
        m_broker.reset();                                                                          \
    } /* stopped by its PID */
