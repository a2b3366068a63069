#pragma once

#include "history/HistoryTypes.h"

#include <QWidget>

class ChartCanvas;
class QLabel;
namespace nuki {
class JournalDb;
}

// The pictures of the history, each with the same facts in a sentence below it (what a screen
// reader reads, and what a person who does not read charts gets), painted in the window's
// palette (ChartCanvas).
//
// The battery: each device's level over the weeks, one line per device.
class BatteryChart : public QWidget
{
    Q_OBJECT
public:
    explicit BatteryChart(QWidget *parent = nullptr);
    void show(nuki::JournalDb &db, const nuki::HistoryFilter &filter);
    QString summary() const;

    ChartCanvas *canvas() const { return m_canvas; }

private:
    ChartCanvas *m_canvas;
    QLabel *m_summary;
};

// The door: how long it stood open each day, and when it is opened most.
class DoorChart : public QWidget
{
    Q_OBJECT
public:
    explicit DoorChart(QWidget *parent = nullptr);
    void show(nuki::JournalDb &db, const nuki::HistoryFilter &filter);
    QString summary() const;

    ChartCanvas *canvas() const { return m_canvas; }

private:
    ChartCanvas *m_canvas;
    QLabel *m_summary;
};
