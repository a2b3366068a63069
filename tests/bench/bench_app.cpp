// Window figures: 200 devices on 4 simulated bridges in the main window: time until every
// card exists, and the time of one full repaint. Prints "figure<TAB>median<TAB>spread<TAB>unit".
#include "AppController.h"
#include "SimBridge.h"
#include "bridge/BridgeSource.h"
#include "window/DeviceCard.h"
#include "window/DeviceListView.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTemporaryDir>
#include <algorithm>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTemporaryDir dir;
    nuki::Settings settings(dir.filePath(QStringLiteral("s.ini")));
    AppController controller(&settings, false);
    MainWindow window(&controller);
    controller.start();
    window.resize(700, 900);
    window.show();
    std::vector<std::unique_ptr<nukisim::SimBridge>> sims;
    for (int b = 0; b < 4; ++b) {
        auto sim = std::make_unique<nukisim::SimBridge>();
        sim->setToken(QStringLiteral("bench"));
        QList<nukisim::SimDevice> devices;
        for (int i = 0; i < 50; ++i) {
            nukisim::SimDevice d;
            d.nukiId = 1000 + quint32(b * 100 + i);
            d.deviceType = i % 5 == 4 ? 2 : 0;
            d.name = QStringLiteral("Door %1-%2").arg(b).arg(i);
            d.hasDoorSensor = i % 2 == 0;
            d.state = d.deviceType == 2 ? 1 : 1 + 2 * (i % 2);
            devices << d;
        }
        sim->setDevices(devices);
        sim->listen(QHostAddress(QStringLiteral("127.0.0.%1").arg(b + 2)), 0);
        addBridge(*controller.home(),
                  {QStringLiteral("B%1").arg(b), QStringLiteral("Bridge %1").arg(b),
                   sim->address().toString(), sim->port()},
                  QStringLiteral("bench"));
        sims.push_back(std::move(sim));
    }
    QElapsedTimer t;
    t.start();
    while (window.deviceList()->cards().size() < 200 && t.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    printf("200 devices on 4 bridges: all cards built after start\t%lld\t-\tms\n", t.elapsed());
    QList<double> repaint;
    for (int i = 0; i < 30; ++i) {
        QElapsedTimer r;
        r.start();
        window.repaint();
        repaint << r.nsecsElapsed() / 1e6;
    }
    std::sort(repaint.begin(), repaint.end());
    printf("repaint of the window with 200 devices\t%.2f\t%.2f–%.2f\tms\n", repaint[15], repaint[3],
           repaint[27]);
    // Scrolling: repaint after moving the scroll bar a page at a time through the list.
    QList<double> scroll;
    auto *bar = window.deviceList()->verticalScrollBar();
    for (int v = 0; v <= bar->maximum(); v += bar->pageStep()) {
        QElapsedTimer r;
        r.start();
        bar->setValue(v);
        window.repaint();
        scroll << r.nsecsElapsed() / 1e6;
    }
    std::sort(scroll.begin(), scroll.end());
    printf("scroll one page and repaint (200 devices)\t%.2f\t%.2f–%.2f\tms\n",
           scroll[scroll.size() / 2], scroll.first(), scroll.last());
    return 0;
}
