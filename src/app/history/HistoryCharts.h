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
// A chart and its sentence, one below the other; the sentence is the chart's accessible
// description and can be reached with Tab.
class HistoryChart : public QWidget
{
    Q_OBJECT
public:
    QString summary() const;
    ChartCanvas *canvas() const { return m_canvas; }

protected:
    HistoryChart(const QString &accessibleName, QWidget *parent);
    void setSummary(const QString &text);
    ChartCanvas *m_canvas;

private:
    QLabel *m_summary;
};

// The battery: each device's level over the weeks, one line per device.
class BatteryChart : public HistoryChart
{
    Q_OBJECT
public:
    explicit BatteryChart(QWidget *parent = nullptr);
    void show(nuki::JournalDb &db, const nuki::HistoryFilter &filter);
};

// The door: how long it stood open each day, and when it is opened most.
class DoorChart : public HistoryChart
{
    Q_OBJECT
public:
    explicit DoorChart(QWidget *parent = nullptr);
    void show(nuki::JournalDb &db, const nuki::HistoryFilter &filter);
};
