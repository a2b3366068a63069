#pragma once

#include <QMainWindow>
#include <QPointer>

class AppController;
class DeviceListView;
class HistoryWindow;
namespace nuki {
struct DeviceKey;
}
class QLabel;
class QLineEdit;

class QToolButton;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    HistoryWindow *historyWindow() const;
    static constexpr int MinUsableWidth = 360, MinUsableHeight = 240;
    explicit MainWindow(AppController *app, QWidget *parent = nullptr);
    ~MainWindow() override;
    DeviceListView *deviceList() const { return m_list; }
    QLineEdit *filterField() const { return m_filter; }
    void showDevice(const QString &deviceKey);
    // When a tray holds the app, closing the window only hides it.
    void setKeepRunningInTray(bool keep) { m_keepInTray = keep; }
    // With more devices than this, the filter field shows by itself.
    static constexpr int FilterThreshold = 6;

public slots:
    void openSettings();
    void openBridgeDetails(const QString &bridgeId);
    void enterNewToken(const QString &bridgeId);
    void addBridge();
    void findDevice(); // shows the filter field and puts the cursor in it
    void showShortcuts();
    void showAbout();
    // The History window, for every device or one (an invalid key: every device).
    void openHistory(const nuki::DeviceKey &key);

signals:
    void addBridgeRequested();
    void quitRequested();
    void lockAllRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildMenus();
    void placeInitially();
    void saveGeometryToSettings();
    void updateFilterVisibility();
    void showTrayHint();

    AppController *m_app;
    DeviceListView *m_list;
    QLineEdit *m_filter;
    QLabel *m_demoMark = nullptr;
    QToolButton *m_automationsSign = nullptr;
    void buildAutomationsSign();
    QPointer<HistoryWindow> m_history;
    bool m_keepInTray = false;
    bool m_filterOpened = false; // opened by Ctrl+F with few devices
};
