#pragma once

// The wall clock, in one place. Words that depend on the day ("Today", "Yesterday", the
// "last 7 days", a chart's range) read it here, so a test can state the instant it needs
// instead of depending on the hour, the date or the time zone it happens to run at.
#include <QDate>
#include <QDateTime>
#include <functional>

namespace nuki::clock {

// Now, in local time: the system's clock unless a test stated another.
QDateTime now();
// Today's date by now().
QDate today();

// For tests only: `source` answers now() from here on; an empty function restores the
// system's clock. Not thread-safe: set it before the code under test runs.
void setForTesting(std::function<QDateTime()> source);

// Sets a fixed instant for the lifetime of a test's scope.
class ScopedFixed
{
public:
    explicit ScopedFixed(const QDateTime &at)
    {
        setForTesting([at] { return at; });
    }
    ~ScopedFixed() { setForTesting({}); }
    ScopedFixed(const ScopedFixed &) = delete;
    ScopedFixed &operator=(const ScopedFixed &) = delete;
};

} // namespace nuki::clock
