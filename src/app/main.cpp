// nuki-desktop: a desktop client for Nuki Smart Locks, Openers and door sensors.
#include "AppController.h"
#include "MainWindow.h"
#include "Settings.h"
#include "StateIcons.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QTranslator>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("nuki-desktop"));
    QApplication::setApplicationDisplayName(QStringLiteral("Nuki Desktop"));
    QApplication::setApplicationVersion(QStringLiteral(NUKI_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("nuki-desktop"));
    QApplication::setWindowIcon(StateIcons::appIcon());

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

    nuki::Settings settings =
        parser.isSet(config) ? nuki::Settings(parser.value(config)) : nuki::Settings();
    AppController controller(&settings, parser.isSet(demo));
    MainWindow window(&controller);
    QObject::connect(&window, &MainWindow::quitRequested, &app, &QApplication::quit);
    controller.start();
    if (!parser.isSet(minimized) && !settings.startMinimized())
        window.show();
    return app.exec();
}
