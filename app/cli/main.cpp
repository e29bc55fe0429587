#include <cstdio>
int main() { std::puts("veloxquant"); return 0; }
