#pragma once

#include "history/HistoryTypes.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
namespace nuki {
class JournalDb;
}

// The pictures of the history, each with the same facts in a sentence below it (what a screen
// reader reads, and what a person who does not read charts gets): QtCharts, in the window's
// palette.
//
// The battery: each device's level over the weeks, one line per device.
class BatteryChart : public QWidget
{
    Q_OBJECT
public:
    explicit BatteryChart(QWidget *parent = nullptr);
    void show(nuki::JournalDb &db, const nuki::HistoryFilter &filter);
    QString summary() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    QChart *m_chart;
    QChartView *m_view;
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

protected:
    void changeEvent(QEvent *event) override;

private:
    QChart *m_chart;
    QChartView *m_view;
    QLabel *m_summary;
};

// The chart's colours from the widget's palette (light or dark).
void applyPalette(QChart *chart, const QPalette &palette);
