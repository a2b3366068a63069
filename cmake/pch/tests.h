// A test's precompiled headers: the core's (see core.h) and QtTest's.
#pragma once
#include "core.h"
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
