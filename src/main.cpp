#include <cstdio>
int main() { std::puts("vigie"); return 0; }
