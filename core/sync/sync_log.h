#pragma once

#include <QLoggingCategory>

// Every closed connection, refused peer and handover is logged here with its reason.
Q_DECLARE_LOGGING_CATEGORY(lcSync)
