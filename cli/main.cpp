#include <cstdio>
int main() { std::puts("casegraph"); return 0; }
