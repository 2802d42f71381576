# System libraries come from Debian packages (scripts/setup.sh installs them).
find_package(Boost 1.74 CONFIG REQUIRED COMPONENTS graph)
find_package(ICU 70 REQUIRED COMPONENTS uc i18n)
find_package(pugixml REQUIRED)
find_package(simdjson REQUIRED)
find_package(Threads REQUIRED)

# Debian's libstemmer-dev ships no CMake or pkg-config file.
find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY NAMES stemmer REQUIRED)
if(NOT TARGET Snowball::stemmer)
  add_library(Snowball::stemmer UNKNOWN IMPORTED)
  set_target_properties(Snowball::stemmer PROPERTIES
    IMPORTED_LOCATION ${STEMMER_LIBRARY}
    INTERFACE_INCLUDE_DIRECTORIES ${STEMMER_INCLUDE_DIR})
endif()
