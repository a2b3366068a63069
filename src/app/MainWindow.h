#pragma once

#include <QMainWindow>

class AppController;
class DeviceListView;
class QLabel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(AppController *app, QWidget *parent = nullptr);
    DeviceListView *deviceList() const { return m_list; }
    void showDevice(const QString &deviceKey);
    // When a tray holds the app, closing the window only hides it.
    void setKeepRunningInTray(bool keep) { m_keepInTray = keep; }

public slots:
    void openSettings();
    void openBridgeDetails(const QString &bridgeId);
    void enterNewToken(const QString &bridgeId);
    void addBridge();

signals:
    void addBridgeRequested();
    void quitRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void showTrayHint();

    AppController *m_app;
    DeviceListView *m_list;
    bool m_keepInTray = false;
};
