#include "AppController.h"

#include "history/BridgeLogFold.h"
#include "history/JournalDb.h"
#include "history/WebLogFold.h"
#include "protocol/PlainText.h"

#include <QPointer>
#include <QTimer>

// The app's half of the history: the journal opened a moment after the first paint (what
// happens meanwhile is buffered), and the bridges' and Nuki Web's own logs folded in, so the
// history also covers the times the app was not running.
using namespace nuki;

void AppController::startHistory(const QString &path)
{
    if (m_recorder)
        return;
    m_historyPath = path;
    m_runStarted = QDateTime::currentDateTime();
    if (m_demo) {
        // The demo's household is made up: its history goes with the run.
        m_demoHistoryDir = std::make_unique<QTemporaryDir>();
        m_historyPath = m_demoHistoryDir->filePath(QStringLiteral("history.sqlite"));
    }
    m_recorder = std::make_unique<HistoryRecorder>(
        &m_home, [this](const HistoryEvent &e) { recordHistory(e); });
    m_recorder->setNameOf([this](quint32 id) { return plainText(m_settings->personName(id)); });
    // A moment after the first paint: the journal's thread loads Qt's SQL plugin, and plugin
    // loading takes a lock the start-up's own plugins (platform, style, images) need too.
    // What happens meanwhile waits in m_historyBuffer.
    QTimer::singleShot(0, this, [this] {
        QTimer::singleShot(m_demo ? 0 : 1500, this, [this] {
            Journal::Options options;
            options.maxAgeDays = m_settings->historyDays();
            m_journal = std::make_unique<Journal>(m_historyPath, options);
            for (const HistoryEvent &e : std::exchange(m_historyBuffer, {}))
                m_journal->record(e);
            for (const auto &[id, entries] : std::exchange(m_webLogBuffer, {}))
                foldWebLog(id, entries);
            // What the bridges did while the app was not running: from their logs, once each
            // bridge answers.
            for (const QString &id : m_home.sourceIds())
                foldBridgeLogOnce(id);
            connect(&m_home, &Home::sourceOnline, this, &AppController::foldBridgeLogOnce);
            connect(&m_home, &Home::sourceChanged, this, &AppController::foldBridgeLogOnce);
            emit journalOpened();
        });
    });
}

void AppController::foldBridgeLogOnce(const QString &sourceId)
{
    BridgeSource *b = bridgeSource(m_home, sourceId);
    if (!b || !m_journal || m_logsFolded.contains(sourceId) ||
        b->link().status != LinkStatus::Online)
        return;
    m_logsFolded.insert(sourceId);
    QPointer<AppController> self(this);
    b->readLog(
        0, 200, [self, sourceId](const SourceError &error, const QList<BridgeLogEntry> &log) {
            if (!self || !self->m_journal || !error.ok())
                return; // a software bridge has no log; nothing to fold
            BridgeSource *b = bridgeSource(self->m_home, sourceId);
            if (!b)
                return;
            // The times nothing was recorded: between earlier runs, and before this one. A
            // file the journal's thread has not created yet (a first run, read a moment
            // early) has no runs: all before this one is a gap. Read twice, the log adds
            // nothing (its entries' uids).
            JournalDb db;
            QList<HistoryGap> gaps;
            QDateTime lastSeen;
            if (db.open(self->m_historyPath, JournalDb::Mode::Read)) {
                gaps = db.gaps(self->m_runStarted.addDays(-30), self->m_runStarted);
                lastSeen = db.lastSeenBefore(self->m_runStarted);
            }
            gaps << HistoryGap{lastSeen.isValid() ? lastSeen : self->m_runStarted.addDays(-30),
                               self->m_runStarted};
            const QString name = b->name();
            const Home &home = self->m_home;
            const auto events = foldBridgeLog(
                sourceId, name, log, gaps, [&home, sourceId](quint32 id) -> std::optional<Device> {
                    for (const DeviceKey &k : home.devices())
                        if (k.nukiId == id)
                            if (const DeviceRecord *r = home.device(k);
                                r && r->reachedThrough.contains(sourceId))
                                return r->device;
                    return std::nullopt;
                });
            for (const HistoryEvent &e : events)
                self->m_journal->record(e);
        });
}

void AppController::recordHistory(const HistoryEvent &e)
{
    if (m_journal)
        m_journal->record(e);
    else if (m_historyBuffer.size() < Journal::MaxPending)
        m_historyBuffer << e;
}

void AppController::foldWebLog(const QString &sourceId, const QList<web::LogEntry> &entries)
{
    if (!m_journal) {
        m_webLogBuffer << qMakePair(sourceId, entries);
        return;
    }
    const Source *s = m_home.source(sourceId);
    const Home &home = m_home;
    const auto events = nuki::foldWebLog(sourceId, s ? s->name() : sourceId, entries,
                                         [&home](const DeviceKey &key) -> std::optional<QString> {
                                             if (const DeviceRecord *r = home.device(key))
                                                 return r->device.name;
                                             return std::nullopt;
                                         });
    for (const HistoryEvent &e : events)
        m_journal->record(e);
}
