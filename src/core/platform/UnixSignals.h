#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGTERM, SIGINT and SIGHUP (a logout, `kill`, Ctrl+C in a terminal) into a Qt signal,
// so the app ends as Quit does and `nukictl watch` ends as --count does: running actions
// reported, our callbacks taken off the bridges. In the core (no widgets) so both use it.
// One instance per process: the handler's pipe is process-wide. A signal handler may only
// write to a pipe; the event loop reads it (the self-pipe pattern from Qt's "Calling Qt
// Functions From Unix Signal Handlers").
class UnixSignals : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override;

signals:
    void terminationRequested(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};
