#include "app/Application.h"

int main(int argc, char *argv[])
{
    return centrale::runApplication(argc, argv);
}
