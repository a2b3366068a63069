#include "demo/DemoBroker.h"

#include "SimWifiLock.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>

namespace {
const QString Mosquitto = QStringLiteral("/usr/sbin/mosquitto");
} // namespace

DemoBroker::DemoBroker(QObject *parent) : QObject(parent)
{
    m_probe.setInterval(100);
    connect(&m_probe, &QTimer::timeout, this, &DemoBroker::probe);
    m_life.setInterval(20000);
    connect(&m_life, &QTimer::timeout, this, [this] {
        if (!m_lock || m_lock->isMoving())
            return;
        // Someone comes home with a keypad code, or leaves and the lock locks itself.
        if (m_lock->state() == 1)
            m_lock->keypadUnlock(8193, 4711);
        else
            m_lock->autoLock();
    });
}

DemoBroker::~DemoBroker()
{
    delete m_lock; // before the broker goes
    if (m_broker.state() != QProcess::NotRunning) {
        m_broker.terminate(); // its PID: nothing is left running
        if (!m_broker.waitForFinished(3000)) {
            m_broker.kill();
            m_broker.waitForFinished(3000);
        }
    }
}

bool DemoBroker::available()
{
    return QFile::exists(Mosquitto);
}

void DemoBroker::start()
{
    if (!m_dir.isValid())
        return;
    QTcpServer free;
    if (!free.listen(QHostAddress::LocalHost, 0))
        return;
    m_port = free.serverPort();
    free.close();
    QFile conf(m_dir.filePath(QStringLiteral("mosquitto.conf")));
    if (!conf.open(QIODevice::WriteOnly))
        return;
    // Loopback only, anonymous (nobody else can reach it), nothing written to disk.
    conf.write(QStringLiteral("listener %1 127.0.0.1\nallow_anonymous true\npersistence false\n"
                              "log_dest none\n")
                   .arg(m_port)
                   .toUtf8());
    conf.close();
    m_broker.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_broker.start(Mosquitto, {QStringLiteral("-c"), conf.fileName()});
    m_probe.start();
}

void DemoBroker::probe()
{
    if (m_broker.state() == QProcess::NotRunning || ++m_probes > 50) {
        m_probe.stop();
        qWarning("Demo mode: the private MQTT broker did not start; no Wi-Fi lock in the demo.");
        return;
    }
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, m_port);
    if (!s.waitForConnected(50))
        return;
    m_probe.stop();
    nukisim::WifiLockConfig c;
    c.nukiId = 0x3A5C0000u + QRandomGenerator::global()->bounded(0xFFFFu);
    c.name = tr("Garden door (Wi-Fi)");
    c.model = QStringLiteral("Smart Lock Ultra");
    c.host = QStringLiteral("127.0.0.1");
    c.port = m_port;
    c.hasDoorSensor = true;
    c.hasKeypad = true;
    m_lock = new nukisim::SimWifiLock(c);
    m_lock->start();
    m_life.start();
    emit ready(m_port);
}
