# Sourced by the bench scripts, from the project's root: builds the server (`mvn package` for
# the jar, `mvn compile` for its classes: the argument), then compiles every bench/*.java
# together (they share Teachers and BenchFairs) into target/bench-classes. Sets $classpath, for
# `java -cp "$classpath" ClassName`.
mvn -B -q "$1" -DskipTests
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
classpath="target/bench-classes:target/classes:$(cat target/bench.classpath)"
rm -rf target/bench-classes
javac -nowarn -d target/bench-classes -cp "$classpath" bench/*.java
