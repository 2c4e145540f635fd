# One image for the api, the worker and the one-shot migration; the command picks the role.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps apps
COPY libs libs
COPY migrations migrations
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
# Message templates are read at run time, beside the compiled code.
COPY --from=build /app/libs/messaging/templates libs/messaging/templates
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
