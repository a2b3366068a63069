#include "Clock.h"

namespace nuki::clock {

namespace {
std::function<QDateTime()> &source()
{
    static std::function<QDateTime()> s;
    return s;
}
} // namespace

QDateTime now()
{
    return source() ? source()() : QDateTime::currentDateTime();
}

QDate today()
{
    return now().date();
}

void setForTesting(std::function<QDateTime()> s)
{
    source() = std::move(s);
}

} // namespace nuki::clock
