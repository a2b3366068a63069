#include "MainWindow.h"

#include "AppController.h"
#include "BridgeDetailsDialog.h"
#include "DeviceCard.h"
#include "DeviceListView.h"
#include "SettingsDialog.h"
#include "StateIcons.h"
#include "wizard/SetupWizard.h"

#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>

using namespace nuki;

MainWindow::MainWindow(AppController *app, QWidget *parent) : QMainWindow(parent), m_app(app)
{
    setWindowTitle(app->isDemo() ? tr("Demo") : QString()); // Qt appends "— Nuki Desktop"
    setWindowIcon(StateIcons::appIcon());
    m_list = new DeviceListView(app, this);
    setCentralWidget(m_list);
    resize(640, 720);

    auto *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    QAction *refresh = bar->addAction(tr("Refresh"), app->home(), &Home::refresh);
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setToolTip(tr("Read the state of every device from the bridges (F5)"));
    QAction *add = bar->addAction(tr("Add bridge…"), this, &MainWindow::addBridge);
    add->setEnabled(!app->isDemo());
    QAction *settings = bar->addAction(tr("Settings…"), this, &MainWindow::openSettings);
    settings->setShortcut(QKeySequence::Preferences);
    if (app->isDemo()) {
        auto *spacer = new QWidget(bar);
        spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        bar->addWidget(spacer);
        auto *demo = new QLabel(tr("DEMO — simulated bridge"), bar);
        demo->setObjectName(QStringLiteral("demoMark"));
        demo->setStyleSheet(QStringLiteral("background: #8e4ec6; color: white; font-weight: bold;"
                                           " border-radius: 4px; padding: 3px 8px"));
        demo->setToolTip(tr("Everything here is simulated: no real lock is moved."));
        bar->addWidget(demo);
    }
    QAction *quit = new QAction(tr("Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &MainWindow::quitRequested);
    addAction(quit);

    connect(m_list, &DeviceListView::detailsRequested, this, &MainWindow::openBridgeDetails);
    connect(m_list, &DeviceListView::newTokenRequested, this, &MainWindow::enterNewToken);
    connect(app->home(), &Home::actionFinished, this,
            [this](const DeviceKey &, const ActionStatus &status) {
                if (status.phase == ActionStatus::Succeeded)
                    statusBar()->showMessage(tr("Done."), 4000);
            });
    statusBar()->showMessage(app->isDemo() ? tr("Demo mode: a simulated household on this "
                                                "computer. Try the buttons.")
                                           : QString(),
                             10000);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_keepInTray) {
        hide();
        event->ignore();
        if (!m_app->settings()->trayHintShown()) {
            m_app->settings()->setTrayHintShown(true);
            showTrayHint();
        }
        return;
    }
    event->accept();
    emit quitRequested();
}

void MainWindow::showTrayHint()
{
    // Said once: a closed window that leaves the app running would otherwise look like a
    // hang, or like notifications stopping. Not modal: nothing waits for it.
    auto *box = new QMessageBox(
        QMessageBox::Information, tr("Still running"),
        tr("Nuki Desktop keeps running in the system tray, so "
           "notifications keep coming.\n\nTo open the window again, "
           "click the tray icon. To quit, choose Quit in its menu or "
           "press %1 in the window.")
            .arg(QKeySequence(QKeySequence::Quit).toString(QKeySequence::NativeText)),
        QMessageBox::Ok);
    box->setObjectName(QStringLiteral("trayHint"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->show();
}

void MainWindow::showDevice(const QString &deviceKey)
{
    showNormal();
    raise();
    activateWindow();
    for (DeviceCard *c : m_list->cards()) {
        if (c->key().toString() == deviceKey) {
            m_list->ensureWidgetVisible(c);
            c->setFocus();
        }
    }
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_app, this);
    dialog.exec();
}

void MainWindow::openBridgeDetails(const QString &bridgeId)
{
    BridgeDetailsDialog dialog(m_app->home(), bridgeId, m_app->push(), this);
    dialog.exec();
}

void MainWindow::enterNewToken(const QString &bridgeId)
{
    // The token and check pages for that bridge; its devices stay visible meanwhile.
    auto *wizard = new SetupWizard(m_app, this, bridgeId);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->open();
}

void MainWindow::addBridge()
{
    auto *wizard = new SetupWizard(m_app, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->open();
    emit addBridgeRequested();
}
