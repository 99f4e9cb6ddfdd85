#include "importers/graph_file.h"
