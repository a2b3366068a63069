// The yardstick for start-up figures: a Qt "hello world" window (one QLabel), started as its
// own process on the same display. It says when its first paint is done, the way the app's
// NUKI_REPORT_FIRST_PAINT hook does for the first device card (src/app/DeviceCard.cpp).
#include <QApplication>
#include <QLabel>
#include <cstdio>

namespace {

class HelloLabel : public QLabel
{
public:
    using QLabel::QLabel;

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QLabel::paintEvent(event);
        static bool reported = false;
        if (!reported) {
            reported = true;
            fprintf(stderr, "bench_hello: first paint\n");
            fflush(stderr);
        }
    }
};

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    HelloLabel label(QStringLiteral("Hello, world"));
    label.show();
    return app.exec();
}
