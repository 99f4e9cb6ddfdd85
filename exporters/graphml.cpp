#include "engine/model/chart.h"
