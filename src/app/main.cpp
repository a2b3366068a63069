// nuki-desktop: a desktop client for Nuki Smart Locks, Openers and door sensors.
#include "AppController.h"
#include "MainWindow.h"
#include "Settings.h"
#include "SingleInstance.h"
#include "StateIcons.h"
#include "Translations.h"
#include "TrayController.h"
#include "UnixSignals.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QStatusBar>
#include <QTimer>

// Quits once running actions have their outcome (at most 15 s), so none is left unreported,
// and once this app's callbacks are removed from the bridges (at most 5 s more). Ends the
// event loop directly: QApplication::quit() would first ask the windows to close, and a
// window that hides into the tray refuses, so Quit would only hide it.
static void quitWhenIdle(AppController *controller, MainWindow *window)
{
    static bool quitting = false;
    if (quitting)
        return;
    quitting = true;
    window->statusBar()->showMessage(
        QApplication::translate("main", "Finishing: waiting for running actions and taking "
                                        "this app's callback off the bridges…"));
    nuki::Home *home = controller->home();
    auto finish = [controller] { controller->shutdown([] { QCoreApplication::exit(0); }); };
    if (home->actionsRunning() == 0) {
        finish();
        return;
    }
    QObject::connect(home, &nuki::Home::actionFinished, qApp, [home, finish] {
        if (home->actionsRunning() == 0)
            finish();
    });
    QTimer::singleShot(15000, qApp, finish);
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("nuki-desktop"));
    QApplication::setApplicationDisplayName(QStringLiteral("Nuki Desktop"));
    QApplication::setApplicationVersion(QStringLiteral(NUKI_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("nuki-desktop"));
    QApplication::setWindowIcon(StateIcons::appIcon());
    QApplication::setQuitOnLastWindowClosed(false); // the tray may hold the app

    nuki::installTranslations();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Controls Nuki Smart Locks and Openers through a Nuki Bridge's local HTTP API."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QApplication::translate("main", "Start with a simulated bridge "
                                                                  "and household (no setup)."));
    const QCommandLineOption minimized(
        QStringLiteral("minimized"), QApplication::translate("main", "Start hidden in the tray."));
    const QCommandLineOption config(QStringLiteral("config"),
                                    QApplication::translate("main", "Use this settings file."),
                                    QStringLiteral("file"));
    parser.addOptions({demo, minimized, config});
    parser.process(app);

    // A second start shows the running app instead. Demo runs are separate on purpose.
    SingleInstance instance(parser.isSet(demo)
                                ? SingleInstance::defaultName() + QStringLiteral("-demo")
                                : SingleInstance::defaultName());
    if (instance.activateRunning())
        return 0;
    instance.listen();

    nuki::Settings settings =
        parser.isSet(config) ? nuki::Settings(parser.value(config)) : nuki::Settings();
    AppController controller(&settings, parser.isSet(demo));
    MainWindow window(&controller);
    TrayController tray(&controller);
    const bool haveTray = TrayController::available();
    window.setKeepRunningInTray(haveTray);
    if (haveTray)
        tray.show();

    auto showWindow = [&window](const QString &deviceKey) {
        if (deviceKey == u"toggle" && window.isVisible() && window.isActiveWindow()) {
            window.hide();
            return;
        }
        window.showDevice(deviceKey == u"toggle" ? QString() : deviceKey);
    };
    QObject::connect(&instance, &SingleInstance::activated, &window, [&] { showWindow({}); });
    QObject::connect(&tray, &TrayController::showWindowRequested, &window, showWindow);
    QObject::connect(&tray, &TrayController::settingsRequested, &window, &MainWindow::openSettings);
    QObject::connect(&tray, &TrayController::quitRequested, &app,
                     [&] { quitWhenIdle(&controller, &window); });
    QObject::connect(&window, &MainWindow::quitRequested, &app,
                     [&] { quitWhenIdle(&controller, &window); });
    // kill, logout, Ctrl+C: the same careful end; a second signal ends at once.
    UnixSignals unixSignals;
    int signalsSeen = 0;
    QObject::connect(&unixSignals, &UnixSignals::terminationRequested, &app, [&](int) {
        if (++signalsSeen > 1)
            QCoreApplication::exit(1);
        quitWhenIdle(&controller, &window);
    });

    controller.start();
    QObject::connect(&controller, &AppController::keychainProblem, &window,
                     [&window](const QString &, const QString &message) {
                         window.statusBar()->showMessage(
                             QApplication::translate("main", "Keychain: %1").arg(message), 15000);
                     });
    if (!controller.isDemo() && settings.bridges().isEmpty())
        QTimer::singleShot(0, &window, &MainWindow::addBridge); // first start: the wizard
    const bool hidden = haveTray && (parser.isSet(minimized) || settings.startMinimized());
    if (!hidden)
        window.show();
    return app.exec();
}
