// The core's precompiled headers and Qt Widgets' most used (see core.h).
#pragma once
#include "core.h"
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWidget>
