#pragma once

namespace centrale {

// The desktop application: parses `centrale [--store PATH] [--lang fr|nl|en]`, opens the store
// (creating the demo organisation in a new one), and runs the main window.
int runApplication(int argc, char *argv[]);

} // namespace centrale
