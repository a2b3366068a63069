// An interface test's precompiled headers: the widgets' (see core.h) and QtTest's.
#pragma once
#include "widgets.h"
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
