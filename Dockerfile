# Runtime image for the Newsdesk stages; build the jar first: mvn -B package -DskipTests
FROM eclipse-temurin:17-jre
COPY app/target/newsdesk.jar /opt/newsdesk/newsdesk.jar
ENTRYPOINT ["java", "-Xmx2g", "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.newsdesk.schema", "-jar", "/opt/newsdesk/newsdesk.jar"]
