#pragma once

#include "history/HistoryTypes.h"

#include <QTimer>
#include <QWidget>
#include <functional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListView;
class QTabWidget;
class HistoryModel;
class BatteryChart;
class DoorChart;
class QProgressDialog;
class QPushButton;
namespace nuki {
class Journal;
class HistoryCsvExport;
} // namespace nuki

// What happened at the doors: a timeline grouped by day (newest first, in words), filters by
// device, kind and time, a search field, the battery and the door charts, and CSV export.
// Reads the history file on its own connection; follows new events while it is open.
class HistoryWindow : public QWidget
{
    Q_OBJECT
public:
    // `journal` may be null (nukictl-only homes, tests): then the window reads the file only.
    HistoryWindow(const QString &path, nuki::Journal *journal, QWidget *parent = nullptr);
    // Shows one device's history ("History of Front door"); an invalid key shows all.
    void showDevice(const nuki::DeviceKey &key);
    void followJournal(nuki::Journal *journal);

    HistoryModel *model() const { return m_model; }
    QListView *timeline() const { return m_list; }
    QTabWidget *tabs() const { return m_tabs; }
    BatteryChart *batteryChart() const { return m_battery; }
    DoorChart *doorChart() const { return m_door; }
    QComboBox *deviceBox() const { return m_device; }
    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *searchField() const { return m_search; }
    // Writes what the filters show as CSV off the interface thread, with a progress dialog
    // and a Cancel; one export at a time (null while one runs).
    nuki::HistoryCsvExport *startExport(const QString &file);
    nuki::HistoryCsvExport *runningExport() const { return m_export; }
    QProgressDialog *exportProgress() const { return m_progress; }
    // The same, waited for (tests): false with `error` set if it cannot.
    bool exportCsv(const QString &file, QString *error);

signals:
    void exportFinished(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillDevices();
    void applyFilter();
    void updateCharts();
    void updateBanner();
    void chooseExport();
    nuki::HistoryFilter currentFilter() const;

    QString m_path;
    nuki::Journal *m_journal;
    HistoryModel *m_model;
    QLabel *m_banner;
    QComboBox *m_device;
    QComboBox *m_kind;
    QComboBox *m_range;
    QDateEdit *m_from;
    QDateEdit *m_until;
    QLineEdit *m_search;
    QTabWidget *m_tabs;
    QListView *m_list;
    QLabel *m_count;
    QPushButton *m_exportButton = nullptr;
    nuki::HistoryCsvExport *m_export = nullptr;
    QProgressDialog *m_progress = nullptr;
    BatteryChart *m_battery;
    DoorChart *m_door;
    QTimer m_searchDelay;
    QTimer m_followDelay;
    std::function<void()> m_placeholderFix;
};
